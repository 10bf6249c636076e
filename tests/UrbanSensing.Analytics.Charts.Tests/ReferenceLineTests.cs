namespace UrbanSensing.Analytics.Charts.Tests;

public sealed class ReferenceLineTests
{
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void Constructor_NonFiniteValue_ThrowsNamingTheLine(double value)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new ReferenceLine(value, "overflow"));

        Assert.Equal("value", exception.ParamName);
        Assert.Contains("'overflow'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BlankLabel_Throws() =>
        Assert.ThrowsAny<ArgumentException>(() => new ReferenceLine(33, " "));
}

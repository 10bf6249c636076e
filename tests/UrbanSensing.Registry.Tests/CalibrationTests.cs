namespace UrbanSensing.Registry.Tests;

public sealed class CalibrationTests
{
    [Fact]
    public void Apply_FactorAndOffset_MultipliesThenAdds()
    {
        var calibration = new Calibration(0.98, 1.0);

        Assert.Equal(30.4, calibration.Apply(30), 12);
        Assert.Equal(89.2, calibration.Apply(90), 12);
    }

    [Fact]
    public void Identity_AnyValue_LeavesItAsItIs()
    {
        Assert.Equal(-12.345, Calibration.Identity.Apply(-12.345));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(double.NaN, 0)]
    [InlineData(double.PositiveInfinity, 0)]
    [InlineData(1, double.NaN)]
    [InlineData(1, double.NegativeInfinity)]
    public void Constructor_FactorZeroOrAnythingNotFinite_Throws(double factor, double offset)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Calibration(factor, offset));
    }
}

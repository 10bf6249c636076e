namespace UrbanSensing.Protocol.Tests;

public sealed class QuantitiesTests
{
    [Fact]
    public void All_EveryQuantity_HasAPlausibleRangeThatHoldsZeroOrItsTypicalValues()
    {
        Assert.All(Quantities.All, quantity => Assert.True(quantity.PlausibleMinimum < quantity.PlausibleMaximum, quantity.Name));
        Assert.True(Quantities.CarbonDioxide.IsPlausible(421));
        Assert.True(Quantities.AirPressure.IsPlausible(101_325));
    }

    [Theory]
    [InlineData(-50, true)]
    [InlineData(60, true)]
    [InlineData(-50.000_001, false)]
    [InlineData(60.000_001, false)]
    [InlineData(double.NaN, false)]
    public void IsPlausible_AirTemperature_IncludesBothEnds(double value, bool expected)
    {
        Assert.Equal(expected, Quantities.AirTemperature.IsPlausible(value));
    }

    [Fact]
    public void TryGet_NameAsASpan_FindsTheSameQuantityAsTheString()
    {
        var buffer = "x pm2.5 y".AsSpan();

        Assert.True(Quantities.TryGet(buffer[2..7], out var quantity));
        Assert.Same(Quantities.Pm25, quantity);
        Assert.False(Quantities.TryGet(buffer[..7], out _));
    }
}

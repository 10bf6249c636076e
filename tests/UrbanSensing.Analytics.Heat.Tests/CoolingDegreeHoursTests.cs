namespace UrbanSensing.Analytics.Heat.Tests;

public sealed class CoolingDegreeHoursTests
{
    private static readonly HourlySeries Hours = HeatIslandIntensityTests.Series((0, 25.0), (1, 26.0), (2, 27.5), (3, 30.0));

    [Fact]
    public void Sum_DefaultBase26_AddsOnlyTheExcessAbove26()
    {
        // 0 + 0 + 1.5 + 4 = 5.5 K·h.
        Assert.Equal(5.5, CoolingDegreeHours.Sum(Hours), 12);
    }

    [Fact]
    public void Sum_Base25_AddsTheExcessAbove25()
    {
        // 0 + 1 + 2.5 + 5 = 8.5 K·h.
        Assert.Equal(8.5, CoolingDegreeHours.Sum(Hours, 25.0), 12);
    }

    [Fact]
    public void Sum_InfiniteBase_ThrowsNamingBaseCelsius()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => CoolingDegreeHours.Sum(Hours, double.PositiveInfinity));

        Assert.Equal("baseCelsius", exception.ParamName);
    }
}

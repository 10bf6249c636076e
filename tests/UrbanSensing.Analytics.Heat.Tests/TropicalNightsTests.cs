namespace UrbanSensing.Analytics.Heat.Tests;

public sealed class TropicalNightsTests
{
    private static readonly DailyTemperature[] Days =
    [
        new(new DateOnly(2025, 7, 1), 19.9, 30, 25, 24, 24),
        new(new DateOnly(2025, 7, 2), 20.0, 30, 25, 24, 24),
        new(new DateOnly(2025, 7, 3), 20.1, 30, 25, 24, 24),
    ];

    [Fact]
    public void Find_DefaultMeteoFranceRule_CountsAMinimumOfExactly20()
    {
        Assert.Equal([new DateOnly(2025, 7, 2), new DateOnly(2025, 7, 3)], TropicalNights.Find(Days));
    }

    [Fact]
    public void Find_EtccdiRule_ExcludesAMinimumOfExactly20()
    {
        Assert.Equal([new DateOnly(2025, 7, 3)], TropicalNights.Find(Days, TropicalNightRule.StrictlyAbove));
    }

    [Fact]
    public void Find_UndefinedRule_ThrowsNamingRule()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => TropicalNights.Find(Days, (TropicalNightRule)7));

        Assert.Equal("rule", exception.ParamName);
    }
}

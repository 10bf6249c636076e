using static UrbanSensing.Analytics.Charts.Tests.Charts;

namespace UrbanSensing.Analytics.Charts.Tests;

public sealed class SeriesTests
{
    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void Constructor_NonFiniteValue_ThrowsNamingSeriesAndTime(double value, string shown)
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            new Series("lomme", [new TimePoint(Start, 20), new TimePoint(Start.AddHours(3), value)]));

        Assert.Equal("points", exception.ParamName);
        Assert.Contains("'lomme'", exception.Message, StringComparison.Ordinal);
        Assert.Contains(shown, exception.Message, StringComparison.Ordinal);
        Assert.Contains("2025-07-14T03:00:00", exception.Message, StringComparison.Ordinal);
        Assert.Contains("leave a missing reading out", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_TimeNotAfterThePrevious_ThrowsNamingBoth(int hoursAfter)
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            new Series("lomme", [new TimePoint(Start, 20), new TimePoint(Start.AddHours(hoursAfter), 21)]));

        Assert.Equal("points", exception.ParamName);
        Assert.Contains("strictly increase", exception.Message, StringComparison.Ordinal);
        Assert.Contains("2025-07-14T00:00:00", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BlankName_Throws() =>
        Assert.ThrowsAny<ArgumentException>(() => new Series(" ", [new TimePoint(Start, 20)]));

    [Fact]
    public void Constructor_SourceChangedAfterwards_KeepsItsCopy()
    {
        var points = new List<TimePoint> { new(Start, 20) };
        var series = new Series("lomme", points);

        points.Add(new TimePoint(Start.AddHours(1), 21));

        Assert.Single(series.Points);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public void Step_NotPositive_ThrowsNamingStep(int minutes)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new Series("lomme", [new TimePoint(Start, 20)]) { Step = TimeSpan.FromMinutes(minutes) });

        Assert.Equal("Step", exception.ParamName);
    }

    [Fact]
    public void EffectiveStep_NoStep_IsTheMedianSpacing()
    {
        var series = Hourly("lomme", [0, 1, 2, 5], 20, Green);

        Assert.Equal(TimeSpan.FromHours(1), series.EffectiveStep);
    }

    [Fact]
    public void EffectiveStep_OnePointWithoutStep_IsNull() =>
        Assert.Null(Hourly("lomme", [0], 20, Green).EffectiveStep);

    [Fact]
    public void EffectiveStep_GivenStep_IsThatStep()
    {
        var series = new Series("lomme", [new TimePoint(Start, 20)]) { Step = TimeSpan.FromMinutes(10) };

        Assert.Equal(TimeSpan.FromMinutes(10), series.EffectiveStep);
    }
}

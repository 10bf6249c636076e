namespace UrbanSensing.Analytics.Heat.Tests;

public sealed class HourlySeriesTests
{
    [Fact]
    public void FromReadings_ReadingsEveryTwentyMinutes_AveragesEachHour()
    {
        var tenOClock = new DateTimeOffset(2025, 7, 14, 10, 0, 0, TimeSpan.Zero);
        var series = HourlySeries.FromReadings(
        [
            new(tenOClock.AddMinutes(40), 22.0),
            new(tenOClock, 20.0),
            new(tenOClock.AddMinutes(20), 21.0),
            new(tenOClock.AddMinutes(60), 30.0),
        ]);

        Assert.Equal([new(tenOClock, 21.0), new(tenOClock.AddHours(1), 30.0)], series.Hours);
    }

    [Fact]
    public void FromReadings_LocalOffset_StampsHoursInUtc()
    {
        var series = HourlySeries.FromReadings([new(new DateTimeOffset(2025, 7, 14, 12, 30, 0, TimeSpan.FromHours(2)), 25.0)]);

        Assert.Equal(new DateTimeOffset(2025, 7, 14, 10, 0, 0, TimeSpan.Zero), series.Hours[0].Time);
        Assert.Equal(TimeSpan.Zero, series.Hours[0].Time.Offset);
    }

    [Fact]
    public void FromReadings_NaN_ThrowsNamingReadings()
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            HourlySeries.FromReadings([new(DateTimeOffset.UnixEpoch, double.NaN)]));

        Assert.Equal("readings", exception.ParamName);
        Assert.Contains("finite", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromReadings_HoursOutOfOrder_SortsTheHoursAndAveragesEach()
    {
        var tenOClock = new DateTimeOffset(2025, 7, 14, 10, 0, 0, TimeSpan.Zero);
        var series = HourlySeries.FromReadings(
        [
            new(tenOClock.AddMinutes(70), 20.0),
            new(tenOClock, 10.0),
            new(tenOClock.AddMinutes(110), 22.0),
            new(tenOClock.AddMinutes(30), 12.0),
        ]);

        Assert.Equal([new(tenOClock, 11.0), new(tenOClock.AddHours(1), 21.0)], series.Hours);
    }

    [Fact]
    public void TryGetHour_TheSameInstantInAnotherOffset_FindsTheHourAndNothingElse()
    {
        var tenOClock = new DateTimeOffset(2025, 7, 14, 10, 0, 0, TimeSpan.Zero);
        var series = HourlySeries.FromReadings([new(tenOClock, 20.0), new(tenOClock.AddHours(2), 24.0)]);

        Assert.True(series.TryGetHour(tenOClock.ToOffset(TimeSpan.FromHours(2)), out var celsius));
        Assert.Equal(20.0, celsius);
        Assert.True(series.TryGetHour(tenOClock.AddHours(2), out celsius));
        Assert.Equal(24.0, celsius);
        Assert.False(series.TryGetHour(tenOClock.AddHours(1), out _));
        Assert.False(series.TryGetHour(tenOClock.AddMinutes(30), out _));
    }
}

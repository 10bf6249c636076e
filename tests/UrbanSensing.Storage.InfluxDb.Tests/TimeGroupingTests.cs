using UrbanSensing.Storage.Aggregation;

namespace UrbanSensing.Storage.InfluxDb.Tests;

public sealed class TimeGroupingTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>2025-03-28T00:00Z, two days before Paris springs forward at 01:00Z on 30 March.</summary>
    private static readonly long SpringFrom = Nanoseconds(new DateTimeOffset(2025, 3, 28, 0, 0, 0, TimeSpan.Zero));

    /// <summary>2025-04-03T00:00Z.</summary>
    private static readonly long SpringTo = Nanoseconds(new DateTimeOffset(2025, 4, 3, 0, 0, 0, TimeSpan.Zero));

    /// <summary>2025-03-30T01:00Z, when Paris goes from +01:00 to +02:00.</summary>
    private static readonly long SpringChange = Nanoseconds(new DateTimeOffset(2025, 3, 30, 1, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("1m", 60)]
    [InlineData("15m", 900)]
    [InlineData("1h", 3600)]
    public void Cover_WindowsThatDivideAnHourInParis_IsOneUtcGridAcrossTheChange(string window, long seconds)
    {
        var interval = TimeSpan.FromSeconds(seconds);

        Assert.Equal(
            [new TimeGrouping(SpringFrom, SpringTo, interval, TimeSpan.Zero)],
            TimeGrouping.Cover(new CalendarWindows(AggregationWindow.Parse(window), Paris), SpringFrom, SpringTo));
    }

    [Theory]
    [InlineData("3h", 3 * 3600, 2 * 3600, 1 * 3600)]
    [InlineData("1d", 24 * 3600, 23 * 3600, 22 * 3600)]
    [InlineData("1mo", 24 * 3600, 23 * 3600, 22 * 3600)]
    [InlineData("1w", 7 * 24 * 3600, (4 * 24 * 3600) - 3600, (4 * 24 * 3600) - 7200)]
    public void Cover_LongerWindowsInParis_SplitsAtTheChangeWithTheGridOfEachOffset(string window, long seconds, long winterOffset, long summerOffset)
    {
        var interval = TimeSpan.FromSeconds(seconds);

        Assert.Equal(
            [
                new TimeGrouping(SpringFrom, SpringChange, interval, TimeSpan.FromSeconds(winterOffset)),
                new TimeGrouping(SpringChange, SpringTo, interval, TimeSpan.FromSeconds(summerOffset)),
            ],
            TimeGrouping.Cover(new CalendarWindows(AggregationWindow.Parse(window), Paris), SpringFrom, SpringTo));
    }

    [Fact]
    public void Cover_WeeksInUtc_StartOnMondays()
    {
        Assert.Equal(
            [new TimeGrouping(SpringFrom, SpringTo, TimeSpan.FromDays(7), TimeSpan.FromDays(4))],
            TimeGrouping.Cover(new CalendarWindows(AggregationWindow.OneWeek, TimeZoneInfo.Utc), SpringFrom, SpringTo));
    }

    [Fact]
    public void Cover_HoursInAHalfHourZone_AreOffsetByHalfAnHour()
    {
        var kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

        Assert.Equal(
            [new TimeGrouping(SpringFrom, SpringTo, TimeSpan.FromHours(1), TimeSpan.FromMinutes(30))],
            TimeGrouping.Cover(new CalendarWindows(AggregationWindow.OneHour, kolkata), SpringFrom, SpringTo));
    }

    private static long Nanoseconds(DateTimeOffset instant) => InfluxQl.ToClampedNanoseconds(instant);
}

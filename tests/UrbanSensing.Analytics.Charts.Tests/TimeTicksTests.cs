namespace UrbanSensing.Analytics.Charts.Tests;

public sealed class TimeTicksTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public void Create_ParisSummerDay_TicksEverySixHoursFromLocalMidnight()
    {
        var ticks = TimeTicks.Create(Utc(2025, 7, 13, 22), Utc(2025, 7, 14, 22), Paris, 5);

        Assert.Equal([Utc(2025, 7, 13, 22), Utc(2025, 7, 14, 4), Utc(2025, 7, 14, 10), Utc(2025, 7, 14, 16), Utc(2025, 7, 14, 22)], ticks.Select(t => t.Instant));
        Assert.Equal(["00:00\n2025-07-14", "06:00", "12:00", "18:00", "00:00\n2025-07-15"], ticks.Select(t => t.Label));
    }

    [Fact]
    public void Create_Utc_TicksOnUtcHours()
    {
        var ticks = TimeTicks.Create(Utc(2025, 7, 13, 22), Utc(2025, 7, 14, 22), TimeZoneInfo.Utc, 5);

        Assert.Equal([Utc(2025, 7, 14, 0), Utc(2025, 7, 14, 6), Utc(2025, 7, 14, 12), Utc(2025, 7, 14, 18)], ticks.Select(t => t.Instant));
        Assert.Equal("00:00\n2025-07-14", ticks[0].Label);
    }

    [Fact]
    public void Create_ParisAutumnChange_LabelsTheRepeatedHourTwice()
    {
        // Summer time ends on 26 October 2025 at 01:00 UTC: 03:00 CEST becomes 02:00 CET.
        var ticks = TimeTicks.Create(Utc(2025, 10, 25, 23), Utc(2025, 10, 26, 3), Paris, 5);

        Assert.Equal(["01:00\n2025-10-26", "02:00", "02:00", "03:00", "04:00"], ticks.Select(t => t.Label));
        Assert.Equal([Utc(2025, 10, 25, 23), Utc(2025, 10, 26, 0), Utc(2025, 10, 26, 1), Utc(2025, 10, 26, 2), Utc(2025, 10, 26, 3)], ticks.Select(t => t.Instant));
    }

    [Fact]
    public void Create_ParisSpringChange_SkipsTheHourThatDoesNotExist()
    {
        // Summer time starts on 30 March 2025 at 01:00 UTC: 02:00 CET becomes 03:00 CEST.
        var ticks = TimeTicks.Create(Utc(2025, 3, 29, 23), Utc(2025, 3, 30, 3), Paris, 5);

        Assert.Equal(["00:00\n2025-03-30", "01:00", "03:00", "04:00", "05:00"], ticks.Select(t => t.Label));
    }

    [Fact]
    public void Create_ParisMonth_TicksOnMondaysAtLocalMidnight()
    {
        var ticks = TimeTicks.Create(Utc(2025, 6, 30, 22), Utc(2025, 7, 31, 22), Paris, 8);

        Assert.Equal(["2025-07-07", "2025-07-14", "2025-07-21", "2025-07-28"], ticks.Select(t => t.Label));
        Assert.Equal(Utc(2025, 7, 6, 22), ticks[0].Instant);
    }

    [Fact]
    public void Create_ParisWeek_TicksEachDayAtLocalMidnight()
    {
        var ticks = TimeTicks.Create(Utc(2025, 7, 13, 22), Utc(2025, 7, 20, 22), Paris, 10);

        Assert.Equal(8, ticks.Count);
        Assert.Equal(("2025-07-14", Utc(2025, 7, 13, 22)), (ticks[0].Label, ticks[0].Instant));
    }

    [Fact]
    public void Create_TwoYears_TicksEveryQuarterOnTheFirst()
    {
        var ticks = TimeTicks.Create(Utc(2024, 1, 1, 0), Utc(2026, 1, 1, 0), TimeZoneInfo.Utc, 10);

        Assert.Equal(["2024-01", "2024-04", "2024-07", "2024-10", "2025-01", "2025-04", "2025-07", "2025-10", "2026-01"], ticks.Select(t => t.Label));
    }

    [Fact]
    public void Create_TenMinutes_TicksEveryTwoMinutes()
    {
        var ticks = TimeTicks.Create(Utc(2025, 7, 14, 12), Utc(2025, 7, 14, 12).AddMinutes(10), TimeZoneInfo.Utc, 6);

        Assert.Equal(["12:00\n2025-07-14", "12:02", "12:04", "12:06", "12:08", "12:10"], ticks.Select(t => t.Label));
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);
}

using System.Globalization;
using UrbanSensing.Storage.Aggregation;

namespace UrbanSensing.Storage.Tests.Aggregation;

public sealed class CalendarWindowsTests
{
    private static readonly TimeZoneInfo Paris = TestTimeZones.Paris;
    private static readonly TimeZoneInfo Santiago = TestTimeZones.Santiago;
    private static readonly TimeZoneInfo LordHowe = TestTimeZones.LordHowe;
    private static readonly TimeZoneInfo TwoChangesInOneWeek = TestTimeZones.TwoChangesInOneWeek;

    /// <summary>Every window, in every zone, around every change of its offset in 2025 (for UTC, around an ordinary day).</summary>
    public static TheoryData<string, string, string> WindowsAroundChanges()
    {
        (string Zone, string Change)[] changes =
        [
            (Paris.Id, "2025-03-30T01:00:00Z"),
            (Paris.Id, "2025-10-26T01:00:00Z"),
            (Santiago.Id, "2025-04-06T03:00:00Z"),
            (Santiago.Id, "2025-09-07T04:00:00Z"),
            (LordHowe.Id, "2025-04-05T15:00:00Z"),
            (LordHowe.Id, "2025-10-04T15:30:00Z"),
            (TwoChangesInOneWeek.Id, "2025-03-04T01:00:00Z"),
            (TwoChangesInOneWeek.Id, "2025-03-06T01:00:00Z"),
            (TimeZoneInfo.Utc.Id, "2025-03-01T00:00:00Z"),
        ];
        var data = new TheoryData<string, string, string>();
        foreach (var (zone, change) in changes)
        {
            foreach (var window in AggregationWindow.All)
            {
                data.Add(zone, change, window.ToString());
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(WindowsAroundChanges))]
    public void Containing_EveryMinuteOfThreeDaysAroundAChange_OneWindowThatTilesTimeAndStartsExactlyAtTheBoundaries(string zoneId, string change, string windowText)
    {
        var zone = TestTimeZones.ById[zoneId];
        var window = AggregationWindow.Parse(windowText);
        var windows = new CalendarWindows(window, zone);
        var changeInstant = DateTimeOffset.Parse(change, CultureInfo.InvariantCulture);
        (DateTimeOffset Start, DateTimeOffset End)? previous = null;
        var boundaries = 0;

        for (var instant = changeInstant.AddHours(-36); instant < changeInstant.AddHours(36); instant = instant.AddMinutes(1))
        {
            var current = windows.Containing(instant);

            Assert.True(current.Start <= instant && instant < current.End, $"{Text(current)} does not hold {instant:o}");
            Assert.Equal(zone.GetUtcOffset(current.Start), current.Start.Offset);
            Assert.Equal(zone.GetUtcOffset(current.End), current.End.Offset);
            if (previous is { } before && before != current)
            {
                Assert.True(before.End == instant && current.Start == instant, $"{Text(before)} is followed by {Text(current)} at {instant:o}");
            }

            // Boundaries fall on whole minutes in these zones: every other instant of the minute is in the same window.
            Assert.Equal(current, windows.Containing(instant.AddSeconds(59.999999)));
            var isBoundary = IsBoundary(zone, window, instant);
            Assert.True(isBoundary == (current.Start == instant), $"{instant:o} is {(isBoundary ? "" : "not ")}a boundary, but its window is {Text(current)}");
            boundaries += isBoundary ? 1 : 0;
            previous = current;
        }

        Assert.True(window.Unit is WindowUnit.Week or WindowUnit.Month || boundaries >= 2, $"only {boundaries} boundaries in three days");
    }

    [Theory]
    [InlineData("2025-03-28", 24)]
    [InlineData("2025-03-29", 24)]
    [InlineData("2025-03-30", 23)]
    [InlineData("2025-03-31", 24)]
    [InlineData("2025-10-25", 24)]
    [InlineData("2025-10-26", 25)]
    [InlineData("2025-10-27", 24)]
    public void Containing_ParisDay_RunsFromLocalMidnightToTheNextOne(string date, int hours)
    {
        var day = DateTime.Parse(date, CultureInfo.InvariantCulture);
        var windows = new CalendarWindows(AggregationWindow.OneDay, Paris);

        foreach (var hour in new[] { 0, 2, 12, 23 })
        {
            var local = day.AddHours(hour).AddMinutes(30);
            var window = windows.Containing(new DateTimeOffset(local, Paris.GetUtcOffset(local)));

            Assert.Equal((day, day.AddDays(1)), (window.Start.DateTime, window.End.DateTime));
            Assert.Equal(TimeSpan.FromHours(hours), window.End - window.Start);
        }
    }

    [Fact]
    public void Containing_ParisHoursOn26October_TwoWindowsStartAtTwoOClockEachAnHourLong()
    {
        var windows = Consecutive(new CalendarWindows(AggregationWindow.OneHour, Paris), "2025-10-26T00:00+02:00", 6);

        Assert.Equal(
            [
                ("2025-10-26T00:00+02:00", "2025-10-26T01:00+02:00"),
                ("2025-10-26T01:00+02:00", "2025-10-26T02:00+02:00"),
                ("2025-10-26T02:00+02:00", "2025-10-26T02:00+01:00"),
                ("2025-10-26T02:00+01:00", "2025-10-26T03:00+01:00"),
                ("2025-10-26T03:00+01:00", "2025-10-26T04:00+01:00"),
                ("2025-10-26T04:00+01:00", "2025-10-26T05:00+01:00"),
            ],
            windows);
    }

    [Fact]
    public void Containing_ParisHoursOn30March_TheHourBeforeTheJumpEndsAtThreeOClock()
    {
        var windows = Consecutive(new CalendarWindows(AggregationWindow.OneHour, Paris), "2025-03-30T00:00+01:00", 4);

        Assert.Equal(
            [
                ("2025-03-30T00:00+01:00", "2025-03-30T01:00+01:00"),
                ("2025-03-30T01:00+01:00", "2025-03-30T03:00+02:00"),
                ("2025-03-30T03:00+02:00", "2025-03-30T04:00+02:00"),
                ("2025-03-30T04:00+02:00", "2025-03-30T05:00+02:00"),
            ],
            windows);
    }

    [Fact]
    public void Containing_ParisTwoHoursOn30March_SkippedTwoOClockIsReplacedByTheJump()
    {
        var windows = Consecutive(new CalendarWindows(AggregationWindow.Parse("2h"), Paris), "2025-03-30T00:00+01:00", 3);

        Assert.Equal(
            [
                ("2025-03-30T00:00+01:00", "2025-03-30T03:00+02:00"),
                ("2025-03-30T03:00+02:00", "2025-03-30T04:00+02:00"),
                ("2025-03-30T04:00+02:00", "2025-03-30T06:00+02:00"),
            ],
            windows);
    }

    [Fact]
    public void Containing_ParisTenMinutesBeforeTheClockFallsBack_EndsWhenItDoes()
    {
        var windows = Consecutive(new CalendarWindows(AggregationWindow.Parse("10m"), Paris), "2025-10-26T02:40+02:00", 3);

        Assert.Equal(
            [
                ("2025-10-26T02:40+02:00", "2025-10-26T02:50+02:00"),
                ("2025-10-26T02:50+02:00", "2025-10-26T02:00+01:00"),
                ("2025-10-26T02:00+01:00", "2025-10-26T02:10+01:00"),
            ],
            windows);
    }

    [Theory]
    [InlineData("2025-03-30T12:00Z", "2025-03-01T00:00+01:00", "2025-04-01T00:00+02:00")]
    [InlineData("2025-03-01T00:00+01:00", "2025-03-01T00:00+01:00", "2025-04-01T00:00+02:00")]
    [InlineData("2025-02-28T23:59:59.999999+01:00", "2025-02-01T00:00+01:00", "2025-03-01T00:00+01:00")]
    [InlineData("2025-10-26T01:30Z", "2025-10-01T00:00+02:00", "2025-11-01T00:00+01:00")]
    public void Containing_ParisMonth_StartsAtLocalMidnightOfTheFirst(string instant, string start, string end)
    {
        var window = new CalendarWindows(AggregationWindow.OneMonth, Paris).Containing(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture));

        Assert.Equal((start, end), Text(window));
    }

    [Theory]
    [InlineData("2025-03-30T12:00Z", "2025-03-24T00:00+01:00", "2025-03-31T00:00+02:00", (7 * 24) - 1)]
    [InlineData("2025-03-24T00:00+01:00", "2025-03-24T00:00+01:00", "2025-03-31T00:00+02:00", (7 * 24) - 1)]
    [InlineData("2025-03-23T23:59+01:00", "2025-03-17T00:00+01:00", "2025-03-24T00:00+01:00", 7 * 24)]
    [InlineData("2025-10-26T01:30Z", "2025-10-20T00:00+02:00", "2025-10-27T00:00+01:00", (7 * 24) + 1)]
    public void Containing_ParisWeek_StartsOnMondayLocalMidnight(string instant, string start, string end, int hours)
    {
        var window = new CalendarWindows(AggregationWindow.OneWeek, Paris).Containing(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture));

        Assert.Equal((start, end), Text(window));
        Assert.Equal(DayOfWeek.Monday, window.Start.DayOfWeek);
        Assert.Equal(TimeSpan.FromHours(hours), window.End - window.Start);
    }

    [Theory]
    [InlineData("2025-04-05T12:00-03:00", "2025-04-05T00:00-03:00", "2025-04-06T00:00-04:00", 25)]
    [InlineData("2025-04-05T23:30-04:00", "2025-04-05T00:00-03:00", "2025-04-06T00:00-04:00", 25)]
    [InlineData("2025-04-06T00:00-04:00", "2025-04-06T00:00-04:00", "2025-04-07T00:00-04:00", 24)]
    [InlineData("2025-09-06T23:59-04:00", "2025-09-06T00:00-04:00", "2025-09-07T01:00-03:00", 24)]
    [InlineData("2025-09-07T01:00-03:00", "2025-09-07T01:00-03:00", "2025-09-08T00:00-03:00", 23)]
    public void Containing_SantiagoDayWhenTheClockChangesAtMidnight_StartsAtTheFirstInstantOfTheDay(string instant, string start, string end, int hours)
    {
        var window = new CalendarWindows(AggregationWindow.OneDay, Santiago).Containing(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture));

        Assert.Equal((start, end), Text(window));
        Assert.Equal(TimeSpan.FromHours(hours), window.End - window.Start);
    }

    [Fact]
    public void Containing_LordHoweHoursWhenTheClockFallsBackHalfAnHour_TheHourBeforeLastsNinetyMinutes()
    {
        var windows = Consecutive(new CalendarWindows(AggregationWindow.OneHour, LordHowe), "2025-04-06T00:00+11:00", 3);

        Assert.Equal(
            [
                ("2025-04-06T00:00+11:00", "2025-04-06T01:00+11:00"),
                ("2025-04-06T01:00+11:00", "2025-04-06T02:00+10:30"),
                ("2025-04-06T02:00+10:30", "2025-04-06T03:00+10:30"),
            ],
            windows);
    }

    [Fact]
    public void Containing_LordHoweHalfHoursWhenTheClockFallsBack_HalfPastOneTwice()
    {
        var windows = Consecutive(new CalendarWindows(AggregationWindow.Parse("30m"), LordHowe), "2025-04-06T01:00+11:00", 4);

        Assert.Equal(
            [
                ("2025-04-06T01:00+11:00", "2025-04-06T01:30+11:00"),
                ("2025-04-06T01:30+11:00", "2025-04-06T01:30+10:30"),
                ("2025-04-06T01:30+10:30", "2025-04-06T02:00+10:30"),
                ("2025-04-06T02:00+10:30", "2025-04-06T02:30+10:30"),
            ],
            windows);
    }

    [Fact]
    public void Containing_LordHoweTwentyMinutesWhenTheClockFallsBack_TheFirstTwentyToTwoStillCounts()
    {
        var windows = Consecutive(new CalendarWindows(AggregationWindow.Parse("20m"), LordHowe), "2025-04-06T01:20+11:00", 4);

        Assert.Equal(
            [
                ("2025-04-06T01:20+11:00", "2025-04-06T01:40+11:00"),
                ("2025-04-06T01:40+11:00", "2025-04-06T01:40+10:30"),
                ("2025-04-06T01:40+10:30", "2025-04-06T02:00+10:30"),
                ("2025-04-06T02:00+10:30", "2025-04-06T02:20+10:30"),
            ],
            windows);
    }

    [Fact]
    public void Containing_LordHoweHoursWhenTheClockSpringsForwardHalfAnHour_TheHourAfterTheJumpLastsThirtyMinutes()
    {
        var windows = Consecutive(new CalendarWindows(AggregationWindow.OneHour, LordHowe), "2025-10-05T01:00+10:30", 3);

        Assert.Equal(
            [
                ("2025-10-05T01:00+10:30", "2025-10-05T02:30+11:00"),
                ("2025-10-05T02:30+11:00", "2025-10-05T03:00+11:00"),
                ("2025-10-05T03:00+11:00", "2025-10-05T04:00+11:00"),
            ],
            windows);
    }

    [Theory]
    [InlineData("1w", "2025-03-03T00:00+01:00", "2025-03-10T00:00+01:00")]
    [InlineData("1mo", "2025-03-01T00:00+01:00", "2025-04-01T00:00+01:00")]
    [InlineData("1d", "2025-03-05T00:00+02:00", "2025-03-06T00:00+02:00")]
    public void Containing_TwoChangesInOneWindow_SpansBoth(string windowText, string start, string end)
    {
        var windows = new CalendarWindows(AggregationWindow.Parse(windowText), TwoChangesInOneWeek);

        var window = windows.Containing(DateTimeOffset.Parse("2025-03-05T12:00Z", CultureInfo.InvariantCulture));

        Assert.Equal((start, end), Text(window));
    }

    [Theory]
    [InlineData("15m", "2025-02-14T13:45+00:00", "2025-02-14T14:00+00:00")]
    [InlineData("8h", "2025-02-14T08:00+00:00", "2025-02-14T16:00+00:00")]
    [InlineData("1d", "2025-02-14T00:00+00:00", "2025-02-15T00:00+00:00")]
    [InlineData("1w", "2025-02-10T00:00+00:00", "2025-02-17T00:00+00:00")]
    [InlineData("1mo", "2025-02-01T00:00+00:00", "2025-03-01T00:00+00:00")]
    public void Containing_Utc_AlignedOnTheUtcCalendar(string windowText, string start, string end)
    {
        var windows = new CalendarWindows(AggregationWindow.Parse(windowText), TimeZoneInfo.Utc);

        var window = windows.Containing(DateTimeOffset.Parse("2025-02-14T13:47:12.5Z", CultureInfo.InvariantCulture));

        Assert.Equal((start, end), Text(window));
    }

    [Fact]
    public void OffsetPeriods_Paris2025_ThreePeriodsSplitAtBothChanges()
    {
        var windows = new CalendarWindows(AggregationWindow.OneDay, Paris);
        var (winter, summer) = (TimeSpan.FromHours(1), TimeSpan.FromHours(2));

        var periods = windows.OffsetPeriods(Instant("2025-01-01T00:00Z"), Instant("2026-01-01T00:00Z"));

        Assert.Equal(
            [
                new OffsetPeriod(DateTimeOffset.MinValue, Instant("2025-03-30T01:00Z"), winter, winter),
                new OffsetPeriod(Instant("2025-03-30T01:00Z"), Instant("2025-10-26T01:00Z"), summer, winter),
                new OffsetPeriod(Instant("2025-10-26T01:00Z"), DateTimeOffset.MaxValue, winter, summer),
            ],
            periods);
    }

    [Theory]
    [InlineData("2025-03-30T01:00Z", "2025-10-26T00:59:59Z", 2)]
    [InlineData("2025-06-01T00:00Z", "2025-06-01T00:00Z", 2)]
    [InlineData("2025-11-01T00:00Z", "2026-03-29T00:59:59Z", 1)]
    public void OffsetPeriods_NoChangeInTheRange_OnePeriodWithTheOffsetThroughout(string from, string to, int hours)
    {
        var periods = new CalendarWindows(AggregationWindow.OneDay, Paris).OffsetPeriods(Instant(from), Instant(to));

        var offset = TimeSpan.FromHours(hours);
        Assert.Equal([new OffsetPeriod(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, offset, offset)], periods);
    }

    [Fact]
    public void OffsetPeriods_RangeEndingAtAChange_IncludesIt()
    {
        var periods = new CalendarWindows(AggregationWindow.OneDay, Paris).OffsetPeriods(Instant("2025-10-01T00:00Z"), Instant("2025-10-26T01:00Z"));

        Assert.Equal([Instant("2025-10-26T01:00Z")], periods.Skip(1).Select(period => period.Start));
    }

    [Fact]
    public void OffsetPeriods_FromAfterTo_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CalendarWindows(AggregationWindow.OneDay, Paris).OffsetPeriods(Instant("2025-02-01T00:00Z"), Instant("2025-01-01T00:00Z")));

    [Theory]
    [InlineData("15m", "2025-10-26T02:37:10", "2025-10-26T02:30:00", "2025-10-26T02:45:00")]
    [InlineData("20m", "2025-10-26T23:59:59", "2025-10-26T23:40:00", "2025-10-27T00:00:00")]
    [InlineData("3h", "2025-10-26T02:37:10", "2025-10-26T00:00:00", "2025-10-26T03:00:00")]
    [InlineData("1d", "2025-10-26T02:37:10", "2025-10-26T00:00:00", "2025-10-27T00:00:00")]
    [InlineData("1w", "2025-10-26T02:37:10", "2025-10-20T00:00:00", "2025-10-27T00:00:00")]
    [InlineData("1w", "2025-10-20T00:00:00", "2025-10-20T00:00:00", "2025-10-27T00:00:00")]
    [InlineData("1mo", "2024-12-31T23:59:59", "2024-12-01T00:00:00", "2025-01-01T00:00:00")]
    public void FloorAndNext_LocalTime_AlignedWindowStartAndTheNextOne(string windowText, string local, string floor, string next)
    {
        var windows = new CalendarWindows(AggregationWindow.Parse(windowText), Paris);
        var time = DateTime.Parse(local, CultureInfo.InvariantCulture);

        Assert.Equal(DateTime.Parse(floor, CultureInfo.InvariantCulture), windows.Floor(time));
        Assert.Equal(DateTime.Parse(next, CultureInfo.InvariantCulture), windows.Next(time));
    }

    /// <summary>The definition, independent of <see cref="CalendarWindows"/>: the instant shows an aligned local time, or the clock jumps forward over one at it.</summary>
    private static bool IsBoundary(TimeZoneInfo zone, AggregationWindow window, DateTimeOffset instant)
    {
        var after = zone.GetUtcOffset(instant);
        var before = zone.GetUtcOffset(instant.AddTicks(-1));
        if (IsAligned(window, instant.ToOffset(after).DateTime))
        {
            return true;
        }

        for (var skipped = instant.ToOffset(before).DateTime; skipped < instant.ToOffset(after).DateTime; skipped = skipped.AddMinutes(1))
        {
            if (IsAligned(window, skipped))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAligned(AggregationWindow window, DateTime local) =>
        local.TimeOfDay.Ticks % TimeSpan.TicksPerMinute == 0 && window.Unit switch
        {
            WindowUnit.Minute => ((local.Hour * 60) + local.Minute) % window.Count == 0,
            WindowUnit.Hour => local.Minute == 0 && local.Hour % window.Count == 0,
            WindowUnit.Day => local.TimeOfDay == TimeSpan.Zero,
            WindowUnit.Week => local.TimeOfDay == TimeSpan.Zero && local.DayOfWeek == DayOfWeek.Monday,
            WindowUnit.Month => local.TimeOfDay == TimeSpan.Zero && local.Day == 1,
            _ => throw new ArgumentOutOfRangeException(nameof(window)),
        };

    /// <summary>The window holding <paramref name="first"/> and the ones after it.</summary>
    private static List<(string Start, string End)> Consecutive(CalendarWindows windows, string first, int count)
    {
        var result = new List<(string, string)>();
        var instant = Instant(first);
        for (var index = 0; index < count; index++)
        {
            var window = windows.Containing(instant);
            result.Add(Text(window));
            instant = window.End;
        }

        return result;
    }

    private static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private static (string Start, string End) Text((DateTimeOffset Start, DateTimeOffset End) window) =>
        (Text(window.Start), Text(window.End));

    private static string Text(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture);
}

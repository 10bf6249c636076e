namespace UrbanSensing.Analytics.Heat.Tests;

public sealed class DailyTemperaturesTests
{
    [Fact]
    public void FromHourly_AutumnClockChange_CountsTwentyFiveHoursOnTheLongDay()
    {
        // Europe/Paris leaves summer time on Sunday 26 October 2025 at 03:00 CEST (01:00 UTC): that day lasts 25 hours.
        DateOnly[] days = [new(2025, 10, 25), new(2025, 10, 26), new(2025, 10, 27)];
        var series = HourlySeries.FromReadings(days.SelectMany(day => Paris.Day(day, 10, 20)));

        var daily = DailyTemperatures.FromHourly(series);

        Assert.Equal(days, daily.Select(day => day.Date));
        Assert.Equal([24, 25, 24], daily.Select(day => day.Hours));
        Assert.Equal([24, 25, 24], daily.Select(day => day.ExpectedHours));
        Assert.All(daily, day => Assert.Equal((10.0, 20.0), (day.Minimum, day.Maximum)));
    }

    [Fact]
    public void FromHourly_SpringClockChange_AcceptsTwentyThreeHoursAsAFullDay()
    {
        // Europe/Paris enters summer time on Sunday 30 March 2025 at 02:00 CET: that day lasts 23 hours.
        var calendar = new CalendarOptions { MaximumMissingHoursPerDay = 0 };
        var series = HourlySeries.FromReadings(Paris.Day(new DateOnly(2025, 3, 30), 2, 12));

        var day = Assert.Single(DailyTemperatures.FromHourly(series, calendar));

        Assert.Equal((23, 23), (day.Hours, day.ExpectedHours));
    }

    [Fact]
    public void FromHourly_MoreHoursMissingThanAllowed_LeavesTheDayOut()
    {
        var calendar = new CalendarOptions { MaximumMissingHoursPerDay = 3 };
        var day = new DateOnly(2025, 7, 14);
        var fourMissing = Paris.Day(day, 15, 30).Where(hour => Paris.LocalHour(hour.Time) is < 10 or > 13);
        var threeMissing = Paris.Day(day.AddDays(1), 15, 30).Where(hour => Paris.LocalHour(hour.Time) is < 10 or > 12);

        var daily = DailyTemperatures.FromHourly(HourlySeries.FromReadings([.. fourMissing, .. threeMissing]), calendar);

        Assert.Equal([day.AddDays(1)], daily.Select(kept => kept.Date));
    }

    [Fact]
    public void FromHourly_LocalMidnight_SplitsDaysAtParisMidnightNotUtc()
    {
        // 23:30 local on 14 July (21:30 UTC) belongs to 14 July; 00:30 local on 15 July (22:30 UTC) to 15 July.
        var calendar = new CalendarOptions { MaximumMissingHoursPerDay = 23 };
        var series = HourlySeries.FromReadings(
        [
            new(Paris.At(2025, 7, 14, 23), 25.0),
            new(Paris.At(2025, 7, 15, 0), 19.0),
        ]);

        var daily = DailyTemperatures.FromHourly(series, calendar);

        Assert.Equal([(new DateOnly(2025, 7, 14), 25.0), (new DateOnly(2025, 7, 15), 19.0)], daily.Select(day => (day.Date, day.Minimum)));
    }
}

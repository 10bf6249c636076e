using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using UrbanSensing.Analytics.Heat;
using UrbanSensing.Protocol;

namespace UrbanSensing.Analytics.Streaming.Tests;

public sealed class HeatWaveWatchTests
{
    // A cool day, then the Heat library's own example around Nord's thresholds (IBMn 18 °C, IBMx 33 °C): IBM(D) over
    // D, D+1, D+2 reach both on the second and third days only. Synthetic: the point is the calendar, not the season.
    private static readonly (double Minimum, double Maximum)[] Extremes = [(14, 25), (17, 32), (18, 33), (19, 34), (18, 33), (17, 30), (15, 28)];

    [Theory]
    [InlineData("2025-10-24", "+02:00", "+01:00")] // 26 October 2025, the third day, lasts 25 hours
    [InlineData("2025-03-28", "+01:00", "+02:00")] // 30 March 2025, the third day, lasts 23 hours
    public void Run_NordThresholdsOverAClockChange_RaisesOneStartAndOneEnd(string first, string startOffset, string endOffset)
    {
        var firstDay = DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture);

        var events = Watch(Week(firstDay));

        Assert.Equal(
            [
                (AnalyticsEventKinds.HeatWaveStarted, Paris.Midnight(firstDay.AddDays(1)), TimeSpan.Parse(startOffset.TrimStart('+'), System.Globalization.CultureInfo.InvariantCulture), 33.0),
                (AnalyticsEventKinds.HeatWaveEnded, Paris.Midnight(firstDay.AddDays(3)), TimeSpan.Parse(endOffset.TrimStart('+'), System.Globalization.CultureInfo.InvariantCulture), 100.0 / 3),
            ],
            events.Select(found => (found.Kind, found.Time, found.Time.Offset, found.Value!.Value)));
        Assert.All(events, found => Assert.Equal(TestRegistry.SiteId, found.Subject));
    }

    [Fact]
    public void Run_EpisodeStart_SaysWhereWhenAndByHowMuchInOneSentence()
    {
        var started = Watch(Week(new DateOnly(2025, 10, 24)))[0];

        Assert.Equal(
            "Heat wave at Lomme (lomme) from 2025-10-25: the 3-day means of the daily minimum and maximum temperatures from that day, IBMn 18.0 °C and IBMx 33.0 °C, reach the Nord (59) thresholds of 18 °C and 33 °C.",
            started.Message);
    }

    [Theory]
    [InlineData(3, 2)]
    [InlineData(4, 0)]
    public void Run_25HourDayMissingHours_CountsWithAtMostThreeMissing(int hoursLeftOut, int expectedEvents)
    {
        // 26 October 2025 has 25 hours: it counts with 22. Without it no 3-day window holds an episode.
        var clockChange = new DateOnly(2025, 10, 26);
        var leftOut = Paris.HoursOf(clockChange).Where(hour => Paris.LocalHour(hour) >= 19).Take(hoursLeftOut).ToHashSet();

        var events = Watch(Week(new DateOnly(2025, 10, 24)).Where(hour => !leftOut.Contains(hour.Hour)));

        Assert.Equal(expectedEvents, events.Count);
    }

    [Fact]
    public void Run_UnregisteredDevice_IsLeftOutOfTheSiteMean()
    {
        // Counted, a device 10 °C warmer would lift the site by 3.3 °C and start the episode a day earlier.
        var hours = Week(new DateOnly(2025, 10, 24)).SelectMany(hour => new[] { hour, hour with { DeviceId = "lille-9999", Mean = hour.Mean + 10 } });

        var started = Watch(hours)[0];

        Assert.Equal(Paris.Midnight(new DateOnly(2025, 10, 25)), started.Time);
    }

    [Fact]
    public void Run_EightHotDays_RaiseOneStartAndOneEnd()
    {
        var first = new DateOnly(2025, 7, 1);
        (double, double)[] days = [(12, 22), (12, 22), .. Enumerable.Repeat((20.0, 35.0), 8), (12, 22), (12, 22), (12, 22)];

        var events = Watch(Days(first, days));

        Assert.Equal([AnalyticsEventKinds.HeatWaveStarted, AnalyticsEventKinds.HeatWaveEnded], events.Select(found => found.Kind));
        Assert.Equal(Paris.Midnight(first.AddDays(2)), events[0].Time);
        Assert.Equal(Paris.Midnight(first.AddDays(8)), events[1].Time);
        Assert.Equal(35, events[1].Value!.Value, 12);
        Assert.Contains("from 2025-07-03 to 2025-07-08 (hot days 2025-07-03 to 2025-07-10)", events[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_HoursOfADayAlreadyJudged_ChangeNothing()
    {
        var week = Week(new DateOnly(2025, 10, 24)).ToList();
        var resent = week.Where(hour => hour.Hour < Paris.Midnight(new DateOnly(2025, 10, 26))).Select(hour => hour with { Mean = 40 });
        var split = week.FindIndex(hour => hour.Hour == Paris.Midnight(new DateOnly(2025, 10, 28)));

        var events = Watch([.. week[..split], .. resent, .. week[split..]]);

        Assert.Equal(Watch(week), events);
    }

    [Fact]
    public void Run_FedAgainFromTheEpisodesFirstDay_RaisesTheSameEvents()
    {
        // What a restarted service primed with the stored hours from the episode's first day on would raise.
        var primed = Watch(Days(new DateOnly(2025, 10, 25), Extremes[1..]));

        Assert.Equal(Watch(Week(new DateOnly(2025, 10, 24))), primed);
    }

    [Fact]
    public void Run_SourceCompletesDuringAnEpisode_DoesNotEndIt()
    {
        var recorder = new Recorder<AnalyticsEvent>();
        var lastDay = Paris.Midnight(new DateOnly(2025, 10, 29));

        using (Nord().Run(Week(new DateOnly(2025, 10, 24)).TakeWhile(hour => hour.Hour < lastDay.AddHours(12)).ToObservable()).Subscribe(recorder))
        {
            Assert.True(recorder.Completed);
        }

        Assert.Equal(AnalyticsEventKinds.HeatWaveStarted, Assert.Single(recorder.Values).Kind);
    }

    [Fact]
    public void Run_ReadingsThroughHourlyMeans_StartAndEndOnTheBatchEpisodesDays()
    {
        // Readings every 10 minutes from two devices, with a daily cycle (minimum 03:00, maximum 15:00 local) and
        // device offsets, over 23 October to 1 November 2025; hot days from the 25th to the 28th.
        (double Minimum, double Maximum)[] days = [(12, 22), (11, 24), (20, 36), (21, 37), (20, 35), (20, 36), (12, 24), (11, 22), (11, 22)];
        var first = new DateOnly(2025, 10, 23);
        var start = Paris.Midnight(first).ToUniversalTime();
        var end = Paris.Midnight(first.AddDays(days.Length)).AddHours(1).ToUniversalTime();
        var readings = new List<Reading>();
        for (var (time, index) = (start, 0); time < end; time = time.AddMinutes(10), index++)
        {
            var local = TimeZoneInfo.ConvertTime(time, Paris.TimeZone);
            var (minimum, maximum) = days[Math.Min((DateOnly.FromDateTime(local.DateTime).DayNumber - first.DayNumber), days.Length - 1)];
            var cycle = ((minimum + maximum) / 2) - ((maximum - minimum) / 2 * Math.Cos(2 * Math.PI * (local.TimeOfDay.TotalHours - 3) / 24));
            readings.Add(new Reading(TestRegistry.DeviceA, "sht31", Quantities.AirTemperature, time, cycle + 0.3 + (0.2 * Math.Sin(index)), null));
            readings.Add(new Reading(TestRegistry.DeviceB, "sht31", Quantities.AirTemperature, time.AddMinutes(5), cycle - 0.4 + (0.2 * Math.Cos(index)), null));
        }

        var scheduler = new HistoricalScheduler(start);
        using var source = new Subject<Reading>();
        var recorder = new Recorder<AnalyticsEvent>();
        var means = new HourlyMeans([Quantities.AirTemperature], HourlyMeans.DefaultLateness, scheduler);
        using (Nord().Run(means.Run(source)).Subscribe(recorder))
        {
            foreach (var reading in readings.OrderBy(reading => reading.Timestamp))
            {
                scheduler.AdvanceTo(reading.Timestamp.AddSeconds(2));
                source.OnNext(reading);
            }

            source.OnCompleted();
            scheduler.AdvanceBy(TimeSpan.FromHours(2));
        }

        var siteHours = readings
            .GroupBy(reading => (reading.DeviceId, Hour: HourlySeries.HourStart(reading.Timestamp)))
            .Select(channel => (channel.Key.Hour, Mean: channel.Average(reading => reading.Value)))
            .GroupBy(channel => channel.Hour)
            .Select(hour => new TemperatureReading(hour.Key, hour.Average(channel => channel.Mean)));
        var batchDays = DailyTemperatures.FromHourly(HourlySeries.FromReadings(siteHours), new CalendarOptions { TimeZone = Paris.TimeZone });
        var episode = Assert.Single(HeatWaves.Detect(batchDays, DepartmentThresholds.Nord));
        Assert.True(recorder.Completed);
        Assert.Equal(
            [(AnalyticsEventKinds.HeatWaveStarted, episode.Start), (AnalyticsEventKinds.HeatWaveEnded, episode.End.AddDays(1))],
            recorder.Values.Select(found => (found.Kind, DateOnly.FromDateTime(found.Time.DateTime))));
        Assert.Equal(new DateOnly(2025, 10, 25), episode.Start);
    }

    [Fact]
    public void Constructor_NaNThreshold_ThrowsNamingThresholds()
    {
        var exception = Assert.Throws<ArgumentException>(() => new HeatWaveWatch(TestRegistry.Lomme(), new HeatWaveThresholds("59", "Nord", double.NaN, 33), Paris.TimeZone));

        Assert.Equal("thresholds", exception.ParamName);
    }

    private static HeatWaveWatch Nord() => new(TestRegistry.Lomme(), DepartmentThresholds.Nord, Paris.TimeZone);

    private static List<AnalyticsEvent> Watch(IEnumerable<ChannelHour> hours)
    {
        var recorder = new Recorder<AnalyticsEvent>();
        using (Nord().Run(hours.ToObservable()).Subscribe(recorder))
        {
            Assert.True(recorder.Completed);
        }

        return recorder.Values;
    }

    /// <summary>The seven days of <see cref="Extremes"/> from <paramref name="first"/>, and the first hour of the next, which closes the last.</summary>
    private static IEnumerable<ChannelHour> Week(DateOnly first) => Days(first, Extremes);

    /// <summary>
    /// Hourly means of both devices of Lomme, one 0.5 °C above and one 0.5 °C below the site: each day's minimum at
    /// 05:00 local, maximum at 15:00, every other hour halfway. Then the first hour of the day after, to close the last.
    /// </summary>
    private static IEnumerable<ChannelHour> Days(DateOnly first, IReadOnlyList<(double Minimum, double Maximum)> days)
    {
        var hours = days.SelectMany((extremes, index) => Paris.HoursOf(first.AddDays(index)).Select(hour => (hour, Paris.LocalHour(hour) switch
        {
            5 => extremes.Minimum,
            15 => extremes.Maximum,
            _ => (extremes.Minimum + extremes.Maximum) / 2,
        })));
        var closing = (Paris.Midnight(first.AddDays(days.Count)).ToUniversalTime(), 15.0);
        foreach (var (hour, celsius) in hours.Append(closing))
        {
            yield return new ChannelHour(TestRegistry.DeviceA, "sht31", Quantities.AirTemperature, hour, celsius + 0.5, 360);
            yield return new ChannelHour(TestRegistry.DeviceB, "sht31", Quantities.AirTemperature, hour, celsius - 0.5, 360);
        }
    }
}

using System.Globalization;
using UrbanSensing.Analytics.Heat;
using UrbanSensing.Registry;

namespace UrbanSensing.Analytics.Streaming;

/// <summary>
/// One site's heat-wave state: the hours of the local day in progress (sum and count of its devices' means per hour),
/// the counted days of the last indicator window, and the episode it is in, if any. At most 25 hours and 3 days.
/// </summary>
internal sealed class SiteHeatWave(Site site, HeatWaveThresholds thresholds, CalendarOptions calendar)
{
    // Day D's indicators are the means over D, D+1 and D+2 (IndicatorWindow.DayAndTwoFollowing, the batch's window).
    private const int WindowDays = 3;

    private readonly Dictionary<DateTimeOffset, (double Sum, int Count)> _hours = [];
    private readonly List<DailyTemperature> _days = new(WindowDays);
    private DateOnly? _openDay;
    private Episode? _episode;

    public IReadOnlyList<AnalyticsEvent> Add(DateTimeOffset hour, double celsius)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(hour, calendar.TimeZone).DateTime);
        _openDay ??= day;
        if (day < _openDay)
        {
            return [];
        }

        List<AnalyticsEvent>? events = null;
        while (_openDay < day)
        {
            if (Close(_openDay.Value) is { } judged)
            {
                (events ??= []).Add(judged);
            }

            // Days without any hour count like days with too few; once nothing is kept, the rest of them change nothing.
            _openDay = _days.Count == 0 && _episode is null ? day : _openDay.Value.AddDays(1);
        }

        var (sum, count) = _hours.GetValueOrDefault(hour);
        _hours[hour] = (sum + celsius, count + 1);
        return events is null ? [] : events;
    }

    private AnalyticsEvent? Close(DateOnly day)
    {
        var series = HourlySeries.FromReadings(_hours.Select(hour => new TemperatureReading(hour.Key, hour.Value.Sum / hour.Value.Count)));
        _hours.Clear();
        _days.RemoveAll(kept => kept.Date <= day.AddDays(-WindowDays));
        _days.AddRange(DailyTemperatures.FromHourly(series, calendar));

        var judged = day.AddDays(1 - WindowDays);
        var found = HeatWaves.Detect(_days, thresholds).FirstOrDefault(episode => episode.Start <= judged && judged <= episode.End);
        if (found is not null)
        {
            if (_episode is { } ongoing)
            {
                _episode = new Episode(ongoing.Start, judged, Math.Max(ongoing.PeakIbmn, found.PeakIbmn), Math.Max(ongoing.PeakIbmx, found.PeakIbmx));
                return null;
            }

            _episode = new Episode(found.Start, judged, found.PeakIbmn, found.PeakIbmx);
            return Started(_episode);
        }

        if (_episode is { } ended)
        {
            _episode = null;
            return Ended(ended);
        }

        return null;
    }

    private AnalyticsEvent Started(Episode episode) => new(
        LocalMidnight(episode.Start),
        AnalyticsEventKinds.HeatWaveStarted,
        site.Id,
        string.Create(
            CultureInfo.InvariantCulture,
            $"Heat wave at {site.Name} ({site.Id}) from {episode.Start:yyyy-MM-dd}: the 3-day means of the daily minimum and maximum temperatures from that day, IBMn {episode.PeakIbmn:0.0} °C and IBMx {episode.PeakIbmx:0.0} °C, reach the {thresholds.Name} ({thresholds.Department}) thresholds of {thresholds.MinimumCelsius} °C and {thresholds.MaximumCelsius} °C."),
        episode.PeakIbmx);

    private AnalyticsEvent Ended(Episode episode) => new(
        LocalMidnight(episode.End.AddDays(1)),
        AnalyticsEventKinds.HeatWaveEnded,
        site.Id,
        string.Create(
            CultureInfo.InvariantCulture,
            $"Heat wave at {site.Name} ({site.Id}) over from {episode.End.AddDays(1):yyyy-MM-dd}: its 3-day means reached the {thresholds.Name} ({thresholds.Department}) thresholds of {thresholds.MinimumCelsius} °C and {thresholds.MaximumCelsius} °C from {episode.Start:yyyy-MM-dd} to {episode.End:yyyy-MM-dd} (hot days {episode.Start:yyyy-MM-dd} to {episode.End.AddDays(WindowDays - 1):yyyy-MM-dd}), peaking at IBMn {episode.PeakIbmn:0.0} °C and IBMx {episode.PeakIbmx:0.0} °C."),
        episode.PeakIbmx);

    private DateTimeOffset LocalMidnight(DateOnly day)
    {
        // Some zones move their clocks at midnight, which then does not exist: the day starts at the first valid hour.
        var start = day.ToDateTime(TimeOnly.MinValue);
        while (calendar.TimeZone.IsInvalidTime(start))
        {
            start = start.AddHours(1);
        }

        return new DateTimeOffset(start, calendar.TimeZone.GetUtcOffset(start));
    }

    /// <summary>The episode a site is in: from its first day to the last day judged in it, with its largest indicators so far.</summary>
    private sealed record Episode(DateOnly Start, DateOnly End, double PeakIbmn, double PeakIbmx);
}

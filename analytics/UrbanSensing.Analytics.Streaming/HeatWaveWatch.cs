using System.Reactive.Linq;
using UrbanSensing.Analytics.Heat;
using UrbanSensing.Registry;

namespace UrbanSensing.Analytics.Streaming;

/// <summary>
/// Hourly air temperatures of devices → heat-wave events per registry site, by the rule of
/// <c>urbansensing analyze heatwave</c>: a site's hour is the mean of its devices' hourly means; a local day counts
/// when at most 3 of its 23, 24 or 25 hours are missing (<see cref="CalendarOptions.MaximumMissingHoursPerDay"/>);
/// <see cref="HeatWaves.Detect"/> over the site's last three counted days, with the library's default window (day D
/// with D+1 and D+2), says whether day D is in an episode. A day is judged when an hour of a later local day arrives
/// for its site, so an episode starting on day D is known when day D+2 is over. "heat-wave-started" is raised once when
/// a site enters an episode, "heat-wave-ended" once when it leaves it; a day that does not count ends an episode,
/// as in the batch analysis.
/// </summary>
public sealed class HeatWaveWatch
{
    private readonly SensorRegistry _registry;
    private readonly HeatWaveThresholds _thresholds;
    private readonly CalendarOptions _calendar;

    /// <param name="registry">Places devices at their sites; hours of devices it does not list are ignored.</param>
    /// <param name="thresholds">The department's thresholds on IBMn and IBMx (<see cref="DepartmentThresholds.Nord"/> for Lille).</param>
    /// <param name="timeZone">Whose calendar days are judged: Europe/Paris for Lille.</param>
    /// <exception cref="ArgumentException">A threshold is not a finite number.</exception>
    public HeatWaveWatch(SensorRegistry registry, HeatWaveThresholds thresholds, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(timeZone);
        if (!double.IsFinite(thresholds.MinimumCelsius) || !double.IsFinite(thresholds.MaximumCelsius))
        {
            throw new ArgumentException($"The thresholds of department {thresholds.Department} are {thresholds.MinimumCelsius} and {thresholds.MaximumCelsius}; both must be finite numbers of degrees Celsius.", nameof(thresholds));
        }

        _registry = registry;
        _thresholds = thresholds;
        _calendar = new CalendarOptions { TimeZone = timeZone };
    }

    /// <summary>
    /// The events, in the order the days are judged; hours of other quantities, of unregistered devices and of a day
    /// already judged are ignored. Completes and fails with <paramref name="hours"/>; the day in progress is then not
    /// judged, since a shutdown is no reason to end an episode.
    /// </summary>
    public IObservable<AnalyticsEvent> Run(IObservable<ChannelHour> hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        return Observable.Defer(() =>
        {
            var sites = new SiteHeatWaves(_registry, _thresholds, _calendar);
            return hours.SelectMany(sites.Add);
        });
    }
}

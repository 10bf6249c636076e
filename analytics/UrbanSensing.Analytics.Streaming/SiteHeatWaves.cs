using UrbanSensing.Analytics.Heat;
using UrbanSensing.Protocol;
using UrbanSensing.Registry;

namespace UrbanSensing.Analytics.Streaming;

/// <summary>The state of one subscription to <see cref="HeatWaveWatch"/>: one <see cref="SiteHeatWave"/> per registry site that has had an hour.</summary>
internal sealed class SiteHeatWaves(SensorRegistry registry, HeatWaveThresholds thresholds, CalendarOptions calendar)
{
    private readonly Dictionary<string, SiteHeatWave> _sites = new(StringComparer.Ordinal);

    public IReadOnlyList<AnalyticsEvent> Add(ChannelHour hour)
    {
        if (hour.Quantity != Quantities.AirTemperature || !registry.TryGetDevice(hour.DeviceId, out var device))
        {
            return [];
        }

        if (!_sites.TryGetValue(device.Site.Id, out var site))
        {
            site = new SiteHeatWave(device.Site, thresholds, calendar);
            _sites.Add(device.Site.Id, site);
        }

        return site.Add(hour.Hour, hour.Mean);
    }
}

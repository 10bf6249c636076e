using UrbanSensing.Analytics.Quality.CrowdQc;
using UrbanSensing.Protocol;
using UrbanSensing.Registry;

namespace UrbanSensing.Analytics.QualityControl;

/// <summary>
/// The hourly air temperature of each registry site over a run of hours: for each channel (device, sensor) the mean of
/// its readings in the hour, then the mean of the site's channels, so a device sampling every 10 s weighs no more than
/// one sampling every minute. Left out: readings the single-series checks or ingestion flagged
/// (<see cref="QualityControlPass.ExcludedFromStationMeans"/>), and readings of a device that did not stand at its site
/// then. CrowdQC+'s own flags are not looked at, so its verdicts never feed back into its input.
/// </summary>
/// <remarks>Holds a sum and a count per channel and hour: for a month, about 9 KB per channel.</remarks>
internal sealed class SiteHourlyMeans
{
    private readonly SensorRegistry _registry;
    private readonly DateTimeOffset _firstHour;
    private readonly int _hours;
    private readonly Dictionary<(string SiteId, string DeviceId, string Sensor), (double[] Sums, int[] Counts)> _channels = [];

    public SiteHourlyMeans(SensorRegistry registry, DateTimeOffset firstHour, int hours)
    {
        _registry = registry;
        _firstHour = firstHour;
        _hours = hours;
    }

    /// <param name="reading">An air-temperature reading within the run of hours.</param>
    public void Add(Reading reading)
    {
        if ((reading.Flags & QualityControlPass.ExcludedFromStationMeans) != 0
            || !_registry.TryGetDevice(reading.DeviceId, out var device)
            || !device.IsActiveAt(reading.Timestamp))
        {
            return;
        }

        var key = (device.Site.Id, device.Id, reading.Sensor);
        if (!_channels.TryGetValue(key, out var channel))
        {
            channel = (new double[_hours], new int[_hours]);
            _channels.Add(key, channel);
        }

        var hour = HourOf(reading.Timestamp);
        channel.Sums[hour] += reading.Value;
        channel.Counts[hour]++;
    }

    public int HourOf(DateTimeOffset instant) => (int)((instant.UtcTicks - _firstHour.UtcTicks) / TimeSpan.TicksPerHour);

    /// <summary>The sites with a value in at least one hour, in registry order; elevations only if every one has its own.</summary>
    public List<CrowdQcStation> Stations()
    {
        var stations = new List<(Site Site, double?[] Values)>();
        foreach (var site in _registry.Sites)
        {
            var channels = _channels.Where(pair => pair.Key.SiteId == site.Id).Select(pair => pair.Value).ToList();
            var values = new double?[_hours];
            for (var hour = 0; hour < _hours; hour++)
            {
                var means = channels.Where(channel => channel.Counts[hour] > 0).Select(channel => channel.Sums[hour] / channel.Counts[hour]).ToList();
                values[hour] = means.Count > 0 ? means.Average() : null;
            }

            if (values.Any(value => value.HasValue))
            {
                stations.Add((site, values));
            }
        }

        var withElevations = stations.TrueForAll(station => station.Site.Elevation.HasValue);
        return stations.ConvertAll(station => new CrowdQcStation(
            station.Site.Id,
            station.Site.Latitude,
            station.Site.Longitude,
            station.Values,
            withElevations ? station.Site.Elevation : null));
    }
}

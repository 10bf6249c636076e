using UrbanSensing.Analytics.Heat;
using UrbanSensing.Registry;

namespace UrbanSensing.Analytics.Reports;

/// <summary>Each site's hourly means from its devices' hourly means, as every analysis averages them.</summary>
public static class SiteMeans
{
    /// <summary>
    /// Each device's hourly mean averaged over the site's devices hour by hour, in hour order, keyed by the UTC instant
    /// the hour starts; devices the registry does not list have no site and are left out, and so are sites without any
    /// mean. Hashed then sorted once, not kept in sorted trees: a year of 500 sites is 4.4 million hours.
    /// </summary>
    public static Dictionary<string, List<KeyValuePair<DateTimeOffset, double>>> Of(SensorRegistry registry, IReadOnlyDictionary<string, IReadOnlyList<HourlyMean>> byDevice)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(byDevice);
        var bySite = new Dictionary<string, Dictionary<DateTimeOffset, (double Sum, int Count)>>(StringComparer.Ordinal);
        foreach (var (deviceId, means) in byDevice)
        {
            if (!registry.TryGetDevice(deviceId, out var device))
            {
                continue;
            }

            if (!bySite.TryGetValue(device.Site.Id, out var hours))
            {
                hours = new Dictionary<DateTimeOffset, (double Sum, int Count)>(means.Count);
                bySite.Add(device.Site.Id, hours);
            }

            foreach (var mean in means)
            {
                var hour = HourlySeries.HourStart(mean.Hour);
                var (sum, count) = hours.GetValueOrDefault(hour);
                hours[hour] = (sum + mean.Mean, count + 1);
            }
        }

        return bySite.ToDictionary(
            site => site.Key,
            site =>
            {
                var ordered = site.Value.Select(hour => KeyValuePair.Create(hour.Key, hour.Value.Sum / hour.Value.Count)).ToList();
                ordered.Sort((left, right) => left.Key.CompareTo(right.Key));
                return ordered;
            },
            StringComparer.Ordinal);
    }
}

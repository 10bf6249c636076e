using UrbanSensing.Registry;

namespace UrbanSensing.Analytics.Heat;

/// <summary>
/// Hourly urban heat island intensity, ΔT(u−r) = mean of the urban set minus mean of the reference set (Oke, T. R.,
/// 1973: "City size and the urban heat island", Atmospheric Environment 7, 769–779; Stewart and Oke 2012 for the
/// inter-zone form). A set's mean for an hour is taken over the sites of the set that have that hour; an hour where
/// either set has no site is left out rather than compared with a partial reference.
/// </summary>
public static class HeatIslandIntensity
{
    /// <exception cref="ArgumentException">Either set is empty.</exception>
    public static IReadOnlyList<HourlyHeatIsland> Hourly(IReadOnlyCollection<HourlySeries> urban, IReadOnlyCollection<HourlySeries> reference)
    {
        ArgumentNullException.ThrowIfNull(urban);
        ArgumentNullException.ThrowIfNull(reference);
        RequireSites(urban, nameof(urban));
        RequireSites(reference, nameof(reference));
        var urbanMeans = SetMeans(urban);
        var referenceMeans = SetMeans(reference);
        return [.. urbanMeans
            .Where(pair => referenceMeans.ContainsKey(pair.Key))
            .Select(pair => new HourlyHeatIsland(pair.Key, pair.Value, referenceMeans[pair.Key]))];
    }

    /// <summary>
    /// The default comparison: every urban site of the registry (one not marked as reference) against the mean of
    /// the registry's reference sites, keyed by site id; sites without a series are left out.
    /// </summary>
    /// <exception cref="ArgumentException">The registry has no reference site, or none of them has a series.</exception>
    public static IReadOnlyDictionary<string, IReadOnlyList<HourlyHeatIsland>> EachUrbanSite(
        SensorRegistry registry,
        IReadOnlyDictionary<string, HourlySeries> seriesBySite)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(seriesBySite);
        var reference = registry.ReferenceSites.Select(site => seriesBySite.GetValueOrDefault(site.Id)).OfType<HourlySeries>().ToArray();
        if (reference.Length == 0)
        {
            throw new ArgumentException("No reference site of the registry has a series; give a series for at least one of: " + string.Join(", ", registry.ReferenceSites.Select(site => site.Id)) + ".", nameof(seriesBySite));
        }

        return registry.Sites
            .Where(site => !site.IsReference && seriesBySite.ContainsKey(site.Id))
            .ToDictionary(site => site.Id, site => Hourly([seriesBySite[site.Id]], reference), StringComparer.Ordinal);
    }

    internal static void RequireSites(IReadOnlyCollection<HourlySeries> sites, string parameterName)
    {
        if (sites.Count == 0)
        {
            throw new ArgumentException("The set of sites is empty; give at least one site's series.", parameterName);
        }

        if (sites.Any(series => series is null))
        {
            throw new ArgumentException("The set of sites holds a null series.", parameterName);
        }
    }

    private static SortedDictionary<DateTimeOffset, double> SetMeans(IReadOnlyCollection<HourlySeries> sites)
    {
        var sums = new SortedDictionary<DateTimeOffset, (double Sum, int Count)>();
        foreach (var hour in sites.SelectMany(series => series.Hours))
        {
            var (sum, count) = sums.GetValueOrDefault(hour.Time);
            sums[hour.Time] = (sum + hour.Celsius, count + 1);
        }

        return new SortedDictionary<DateTimeOffset, double>(sums.ToDictionary(pair => pair.Key, pair => pair.Value.Sum / pair.Value.Count));
    }
}

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
    private const long HoursOfALeapYear = 366 * 24;

    /// <exception cref="ArgumentException">Either set is empty.</exception>
    public static IReadOnlyList<HourlyHeatIsland> Hourly(IReadOnlyCollection<HourlySeries> urban, IReadOnlyCollection<HourlySeries> reference)
    {
        ArgumentNullException.ThrowIfNull(urban);
        ArgumentNullException.ThrowIfNull(reference);
        RequireSites(urban, nameof(urban));
        RequireSites(reference, nameof(reference));
        return Join(SetMeans(urban), SetMeans(reference));
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

        // The reference means are the same for every urban site: computed once, not once per site. The mean of one
        // site is its own series.
        var referenceMeans = SetMeans(reference);
        return registry.Sites
            .Where(site => !site.IsReference && seriesBySite.ContainsKey(site.Id))
            .ToDictionary(site => site.Id, IReadOnlyList<HourlyHeatIsland> (site) => Join(seriesBySite[site.Id].HourSpan, referenceMeans), StringComparer.Ordinal);
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

    /// <summary>
    /// Each hour any of the sites has, in time order, with the mean over the sites that have it; each hour's values
    /// are summed in the order of the sites. The hours are counted on a timeline from the set's first hour to its
    /// last, unless the sites are so sparse that the timeline would be much longer than their hours: those are
    /// merged series by series instead.
    /// </summary>
    private static TemperatureReading[] SetMeans(IReadOnlyCollection<HourlySeries> sites)
    {
        var series = sites.Where(site => site.Hours.Count > 0).ToArray();
        if (series.Length == 0)
        {
            return [];
        }

        var first = series.Min(site => site.HourSpan[0].Time.UtcTicks);
        var hours = ((series.Max(site => site.HourSpan[^1].Time.UtcTicks) - first) / TimeSpan.TicksPerHour) + 1;
        return hours <= (4L * series.Max(site => site.Hours.Count)) + HoursOfALeapYear
            ? OnTimeline(series, first, (int)hours)
            : Merged(series);
    }

    private static TemperatureReading[] OnTimeline(HourlySeries[] series, long first, int hours)
    {
        var sums = new double[hours];
        var counts = new int[hours];
        foreach (var site in series)
        {
            foreach (var hour in site.HourSpan)
            {
                var index = (hour.Time.UtcTicks - first) / TimeSpan.TicksPerHour;
                sums[index] += hour.Celsius;
                counts[index]++;
            }
        }

        var means = new List<TemperatureReading>(series.Max(site => site.Hours.Count));
        for (var index = 0; index < hours; index++)
        {
            if (counts[index] > 0)
            {
                means.Add(new TemperatureReading(new DateTimeOffset(first + (index * TimeSpan.TicksPerHour), TimeSpan.Zero), sums[index] / counts[index]));
            }
        }

        return [.. means];
    }

    private static TemperatureReading[] Merged(HourlySeries[] series)
    {
        var next = new int[series.Length];
        var means = new List<TemperatureReading>(series.Max(site => site.Hours.Count));
        while (true)
        {
            var hour = long.MaxValue;
            for (var index = 0; index < series.Length; index++)
            {
                var own = series[index].HourSpan;
                if (next[index] < own.Length)
                {
                    hour = Math.Min(hour, own[next[index]].Time.UtcTicks);
                }
            }

            if (hour == long.MaxValue)
            {
                return [.. means];
            }

            var (sum, count) = (0.0, 0);
            for (var index = 0; index < series.Length; index++)
            {
                var own = series[index].HourSpan;
                if (next[index] < own.Length && own[next[index]].Time.UtcTicks == hour)
                {
                    sum += own[next[index]].Celsius;
                    count++;
                    next[index]++;
                }
            }

            means.Add(new TemperatureReading(new DateTimeOffset(hour, TimeSpan.Zero), sum / count));
        }
    }

    /// <summary>The hours both sets have, in time order.</summary>
    private static List<HourlyHeatIsland> Join(ReadOnlySpan<TemperatureReading> urban, ReadOnlySpan<TemperatureReading> reference)
    {
        var joined = new List<HourlyHeatIsland>(Math.Min(urban.Length, reference.Length));
        var (u, r) = (0, 0);
        while (u < urban.Length && r < reference.Length)
        {
            var (urbanHour, referenceHour) = (urban[u].Time.UtcTicks, reference[r].Time.UtcTicks);
            if (urbanHour < referenceHour)
            {
                u++;
            }
            else if (urbanHour > referenceHour)
            {
                r++;
            }
            else
            {
                joined.Add(new HourlyHeatIsland(urban[u].Time, urban[u].Celsius, reference[r].Celsius));
                u++;
                r++;
            }
        }

        return joined;
    }
}

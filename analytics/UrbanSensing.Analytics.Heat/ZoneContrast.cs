using UrbanSensing.Registry;

namespace UrbanSensing.Analytics.Heat;

/// <summary>
/// Inter-zone temperature differences in the sense of Stewart and Oke (2012, "Local Climate Zones for Urban
/// Temperature Studies", BAMS 93(12), 1879–1900): ΔT(X−baseline), the hourly mean of the sites of zone X minus that of
/// the baseline, averaged over the hours both have. The baseline is a reference zone (Stewart and Oke use LCZ D, low
/// plants, as the rural reference) or, by default, the registry's reference sites. Reference sites are never
/// counted in a group, nor, with a zone baseline, the zone itself.
/// </summary>
public static class ZoneContrast
{
    /// <param name="referenceZone">The zone to subtract; <see langword="null"/> for the sites marked as reference.</param>
    /// <exception cref="ArgumentException">The baseline has no site with a series.</exception>
    public static IReadOnlyList<ZoneHeatIsland> ByLocalClimateZone(
        IEnumerable<Site> sites,
        IReadOnlyDictionary<string, HourlySeries> seriesBySite,
        LocalClimateZone? referenceZone = null)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(seriesBySite);
        var measured = sites.Where(site => seriesBySite.ContainsKey(site.Id)).ToArray();
        var baseline = referenceZone is null
            ? measured.Where(site => site.IsReference).ToArray()
            : measured.Where(site => site.LocalClimateZone == referenceZone).ToArray();
        RequireBaseline(baseline, referenceZone is null ? "reference sites" : $"sites in {referenceZone}", nameof(seriesBySite));
        var groups = measured
            .Where(site => !site.IsReference && site.LocalClimateZone != referenceZone)
            .GroupBy(site => site.LocalClimateZone);
        return [.. groups
            .OrderBy(group => IndexOf(group.Key))
            .Select(group => Contrast(group.Key.Code, [.. group], baseline, seriesBySite))
            .OfType<ZoneHeatIsland>()];
    }

    /// <summary>Each district's urban sites against the reference sites, in ordinal order of district name.</summary>
    /// <exception cref="ArgumentException">No reference site has a series.</exception>
    public static IReadOnlyList<ZoneHeatIsland> ByDistrict(IEnumerable<Site> sites, IReadOnlyDictionary<string, HourlySeries> seriesBySite)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(seriesBySite);
        var measured = sites.Where(site => seriesBySite.ContainsKey(site.Id)).ToArray();
        var baseline = measured.Where(site => site.IsReference).ToArray();
        RequireBaseline(baseline, "reference sites", nameof(seriesBySite));
        return [.. measured
            .Where(site => !site.IsReference)
            .GroupBy(site => site.District, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => Contrast(group.Key, [.. group], baseline, seriesBySite))
            .OfType<ZoneHeatIsland>()];
    }

    private static ZoneHeatIsland? Contrast(string name, Site[] group, Site[] baseline, IReadOnlyDictionary<string, HourlySeries> seriesBySite)
    {
        var hourly = HeatIslandIntensity.Hourly(
            [.. group.Select(site => seriesBySite[site.Id])],
            [.. baseline.Select(site => seriesBySite[site.Id])]);
        return hourly.Count == 0 ? null : new ZoneHeatIsland(name, group.Length, hourly.Average(hour => hour.Intensity), hourly.Count);
    }

    private static void RequireBaseline(Site[] baseline, string what, string parameterName)
    {
        if (baseline.Length == 0)
        {
            throw new ArgumentException($"No {what} has a series; the baseline needs at least one.", parameterName);
        }
    }

    private static int IndexOf(LocalClimateZone zone)
    {
        for (var index = 0; index < LocalClimateZone.All.Count; index++)
        {
            if (LocalClimateZone.All[index] == zone)
            {
                return index;
            }
        }

        return int.MaxValue;
    }
}

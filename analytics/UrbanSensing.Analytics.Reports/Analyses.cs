using UrbanSensing.Analytics.AirQuality;
using UrbanSensing.Analytics.Heat;
using UrbanSensing.Analytics.Rain;
using UrbanSensing.Protocol;
using UrbanSensing.Registry;

namespace UrbanSensing.Analytics.Reports;

/// <summary>
/// The analyses over a time range, the same for <c>urbansensing analyze</c> and <c>/api/v1/analyses</c>: each reads
/// what it needs through <see cref="IAnalysisReadings"/>, places devices at their registry sites and computes its
/// report.
/// </summary>
/// <exception cref="AnalysisRefusedException">Thrown by every analysis asked for an unknown site or without data to measure against.</exception>
public sealed class Analyses(IAnalysisReadings readings, SensorRegistry registry)
{
    /// <summary>Each urban site's heat island against the registry's reference sites, day by day, by LCZ and district, and optionally its map.</summary>
    public async Task<HeatIslandAnalysis> HeatIslandAsync(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo timeZone, bool withMap, CancellationToken cancellationToken)
    {
        var series = await HourlySeriesBySiteAsync(from, to, [], cancellationToken).ConfigureAwait(false);
        if (!registry.ReferenceSites.Any(site => series.ContainsKey(site.Id)))
        {
            throw new AnalysisRefusedException(null, $"no reference site ({string.Join(", ", registry.ReferenceSites.Select(site => site.Id))}) has air temperatures from {from:O} to {to:O}; the heat island is measured against them");
        }

        var bySite = HeatIslandIntensity.EachUrbanSite(registry, series);
        var stations = HeatIslandMap.StationsOf(registry, bySite, series);
        return new HeatIslandAnalysis(
            HeatIslandReport.Compute(registry, series, bySite, stations, timeZone),
            withMap ? HeatIslandMap.Compute(stations) : null);
    }

    /// <summary>A site's daily Tmin and Tmax, IBMn and IBMx and heat-wave episodes at a department's thresholds.</summary>
    public async Task<HeatWaveReport> HeatWaveAsync(string siteId, HeatWaveThresholds thresholds, DateTimeOffset from, DateTimeOffset to, TimeZoneInfo timeZone, CancellationToken cancellationToken)
    {
        RequireKnownSites([siteId]);
        registry.TryGetSite(siteId, out var site);
        var series = await HourlySeriesBySiteAsync(from, to, [siteId], cancellationToken).ConfigureAwait(false);
        return HeatWaveReport.Compute(site!, series.GetValueOrDefault(siteId), thresholds, timeZone);
    }

    /// <summary>Hourly heat index, humidex, wet-bulb temperature and dew point of the sites (every site when none is named).</summary>
    public async Task<ComfortReport> ComfortAsync(IReadOnlyCollection<string> sites, DateTimeOffset from, DateTimeOffset to, TimeZoneInfo timeZone, CancellationToken cancellationToken)
    {
        RequireKnownSites(sites);
        var temperatures = await HourlyMeansBySiteAsync(Quantities.AirTemperature, from, to, sites, cancellationToken).ConfigureAwait(false);
        var humidities = await HourlyMeansBySiteAsync(Quantities.RelativeHumidity, from, to, sites, cancellationToken).ConfigureAwait(false);
        var order = sites.Count > 0 ? sites.Distinct(StringComparer.Ordinal) : registry.Sites.Select(site => site.Id);
        return ComfortReport.Compute(order, temperatures, humidities, timeZone);
    }

    /// <summary>The air-quality index per site and local day on a scheme, and the WHO 2021 short-term exceedances.</summary>
    /// <exception cref="ArgumentException">A stored hourly mean is negative.</exception>
    public async Task<AirQualityReport> AirQualityAsync(AirQualityScheme scheme, IReadOnlyCollection<string> sites, DateTimeOffset from, DateTimeOffset to, TimeZoneInfo timeZone, CancellationToken cancellationToken)
    {
        RequireKnownSites(sites);
        var hourlyMeans = new Dictionary<Pollutant, IReadOnlyDictionary<string, SortedDictionary<DateTimeOffset, double>>>();
        foreach (var (pollutant, quantity) in AirQualityReport.Measured)
        {
            hourlyMeans.Add(pollutant, await HourlyMeansBySiteAsync(quantity, from, to, sites, cancellationToken).ConfigureAwait(false));
        }

        // Named sites are reported even without readings, so that the output says so; otherwise the sites that have any.
        var reported = sites.Count > 0
            ? sites.Distinct(StringComparer.Ordinal)
            : registry.Sites.Select(site => site.Id).Where(site => hourlyMeans.Values.Any(bySite => bySite.ContainsKey(site)));
        return AirQualityReport.Compute(scheme, reported, hourlyMeans, timeZone, from, to);
    }

    /// <summary>Each rain gauge's events with peaks, return periods on the example Montana coefficients and optionally SCS runoff.</summary>
    public async Task<RainReport> RainAsync(IReadOnlyCollection<string> sites, RainParameters parameters, DateTimeOffset from, DateTimeOffset to, TimeZoneInfo timeZone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        RequireKnownSites(sites);
        var tips = new TipTimes();
        await readings.RawReadingsByDayAsync(Quantities.RainGaugeTips, [.. sites.Distinct(StringComparer.Ordinal)], [], from, to, tips.Add, cancellationToken).ConfigureAwait(false);
        return RainReport.Compute(
            tips,
            device => registry.TryGetDevice(device, out var known) ? known.Site.Id : null,
            IdfStation.LilleLesquinExample(),
            parameters.MillimetresPerTip,
            parameters.MinimumInterEventTime,
            parameters.CurveNumber,
            timeZone);
    }

    /// <summary>Each basin's fill and the drawdown rate of each falling limb, from its water-level readings.</summary>
    public async Task<BasinsReport> BasinsAsync(IReadOnlyList<BasinDefinition> basins, DateTimeOffset from, DateTimeOffset to, TimeZoneInfo timeZone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(basins);
        var byDevice = new Dictionary<string, List<RawReading>>(StringComparer.Ordinal);
        foreach (var device in basins.Select(basin => basin.Device).Distinct(StringComparer.Ordinal))
        {
            var levels = new List<RawReading>();
            await readings.RawReadingsByDayAsync(Quantities.WaterLevel, [], [device], from, to, levels.AddRange, cancellationToken).ConfigureAwait(false);
            byDevice.Add(device, levels);
        }

        return BasinsReport.Compute(basins.Select(basin => (basin, (IReadOnlyList<RawReading>)byDevice[basin.Device])), timeZone);
    }

    private void RequireKnownSites(IEnumerable<string> sites)
    {
        if (sites.FirstOrDefault(site => !registry.TryGetSite(site, out _)) is { } unknown)
        {
            throw new AnalysisRefusedException("site", $"unknown site '{unknown}'; allowed values: {string.Join(", ", registry.Sites.Select(site => site.Id))}");
        }
    }

    private async Task<IReadOnlyDictionary<string, HourlySeries>> HourlySeriesBySiteAsync(DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<string> sites, CancellationToken cancellationToken)
    {
        var bySite = await SiteMeansAsync(Quantities.AirTemperature, from, to, sites, cancellationToken).ConfigureAwait(false);
        return bySite.ToDictionary(
            pair => pair.Key,
            pair => HourlySeries.FromReadings(pair.Value.Select(hour => new TemperatureReading(hour.Key, hour.Value))),
            StringComparer.Ordinal);
    }

    private async Task<IReadOnlyDictionary<string, SortedDictionary<DateTimeOffset, double>>> HourlyMeansBySiteAsync(
        Quantity quantity,
        DateTimeOffset from,
        DateTimeOffset to,
        IReadOnlyCollection<string> sites,
        CancellationToken cancellationToken)
    {
        var bySite = await SiteMeansAsync(quantity, from, to, sites, cancellationToken).ConfigureAwait(false);
        return bySite.ToDictionary(
            site => site.Key,
            site => new SortedDictionary<DateTimeOffset, double>(site.Value.ToDictionary(hour => hour.Key, hour => hour.Value)),
            StringComparer.Ordinal);
    }

    /// <summary>Each site's hourly means of a quantity, in hour order (<see cref="SiteMeans.Of"/>).</summary>
    private async Task<Dictionary<string, List<KeyValuePair<DateTimeOffset, double>>>> SiteMeansAsync(
        Quantity quantity,
        DateTimeOffset from,
        DateTimeOffset to,
        IReadOnlyCollection<string> sites,
        CancellationToken cancellationToken) =>
        SiteMeans.Of(registry, await readings.HourlyMeansByDeviceAsync(quantity, from, to, sites, cancellationToken).ConfigureAwait(false));
}

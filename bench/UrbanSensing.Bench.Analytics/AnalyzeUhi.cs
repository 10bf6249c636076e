using UrbanSensing.Analytics.Heat;
using UrbanSensing.Analytics.Heat.Spatial;
using UrbanSensing.Analytics.Reports;
using UrbanSensing.Registry;

namespace UrbanSensing.Bench.Analytics;

/// <summary>
/// <see cref="Analyses.HeatIslandAsync"/> (what <c>urbansensing analyze uhi</c> and <c>/api/v1/analyses/uhi</c> run)
/// and the <see cref="HeatIslandReport.Compute"/> it calls, call for call, with each stage timed apart: the site means
/// of the device means, the hourly series, each urban site's hourly heat island, its daily and nocturnal summaries, the
/// report's rows and the zones and districts. <see cref="HeatIslandReport.Compute"/> summarises and writes the rows
/// site by site; here all sites are summarised first, then their rows written, so the library and the report's own
/// code are timed apart. The benchmark checks that both give the same report.
/// </summary>
internal static class AnalyzeUhi
{
    public const string SiteMeans = "site means";
    public const string Series = "hourly series";
    public const string Hourly = "hourly heat island";
    public const string Days = "daily and nocturnal summaries";
    public const string Rows = "report rows";
    public const string Zones = "zones and districts";
    public const string HotSpots = "hot spots";

    public static AnalyzeUhiResult Run(SensorRegistry registry, IReadOnlyDictionary<string, IReadOnlyList<HourlyMean>> byDevice, TimeZoneInfo timeZone, StageClock clock)
    {
        var means = UrbanSensing.Analytics.Reports.SiteMeans.Of(registry, byDevice);
        clock.Lap(SiteMeans);

        var series = means.ToDictionary(
            pair => pair.Key,
            pair => HourlySeries.FromReadings(pair.Value.Select(hour => new TemperatureReading(hour.Key, hour.Value))),
            StringComparer.Ordinal);
        clock.Lap(Series);

        var bySite = HeatIslandIntensity.EachUrbanSite(registry, series);
        clock.Lap(Hourly);

        var summaries = new HeatIslandDays(new CalendarOptions { TimeZone = timeZone }, NightWindow.Default);
        var urbanSites = registry.Sites.Where(site => bySite.ContainsKey(site.Id)).ToArray();
        var summarised = urbanSites
            .Select(site => (Daily: summaries.Daily(bySite[site.Id]), Nights: summaries.Nocturnal(bySite[site.Id])))
            .ToArray();
        clock.Lap(Days);

        var days = new List<SiteDayHeatIsland>();
        var localDates = new LocalDates(timeZone);
        for (var index = 0; index < urbanSites.Length; index++)
        {
            days.AddRange(HeatIslandReport.Rows(urbanSites[index], bySite[urbanSites[index].Id], summarised[index].Daily, summarised[index].Nights, localDates));
        }

        clock.Lap(Rows);

        var byLcz = ZoneContrast.ByLocalClimateZone(registry.Sites, series);
        var byDistrict = ZoneContrast.ByDistrict(registry.Sites, series);
        clock.Lap(Zones);

        var hotSpots = new GetisOrdGiStar(HeatIslandReport.DefaultHotSpots).Analyze(HeatIslandMap.StationsOf(registry, bySite, series));
        clock.Lap(HotSpots);
        return new AnalyzeUhiResult(bySite, new HeatIslandReport(days, byLcz, byDistrict, hotSpots, HeatIslandReport.DefaultHotSpots));
    }
}

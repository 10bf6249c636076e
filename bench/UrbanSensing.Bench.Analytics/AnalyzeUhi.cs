using UrbanSensing.Analytics.Heat;
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

    public static AnalyzeUhiResult Run(SensorRegistry registry, IReadOnlyDictionary<string, IReadOnlyList<HourlyMean>> byDevice, TimeZoneInfo timeZone, StageClock clock)
    {
        var means = SiteMeansOf(registry, byDevice);
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
        var localDates = new Dictionary<DateTimeOffset, DateOnly>();
        for (var index = 0; index < urbanSites.Length; index++)
        {
            var site = urbanSites[index];
            var hourly = bySite[site.Id];
            var daily = summarised[index].Daily.ToDictionary(day => day.Date);
            var nights = summarised[index].Nights.ToDictionary(night => night.Night);
            var hoursByDate = new Dictionary<DateOnly, int>();
            foreach (var hour in hourly)
            {
                if (!localDates.TryGetValue(hour.Hour, out var date))
                {
                    date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(hour.Hour, timeZone).DateTime);
                    localDates.Add(hour.Hour, date);
                }

                hoursByDate[date] = hoursByDate.GetValueOrDefault(date) + 1;
            }

            days.AddRange(daily.Keys.Union(nights.Keys).Union(hoursByDate.Keys).Order().Select(date => new SiteDayHeatIsland(
                site,
                date,
                daily.GetValueOrDefault(date),
                nights.GetValueOrDefault(date),
                hoursByDate.GetValueOrDefault(date))));
        }

        clock.Lap(Rows);

        var byLcz = ZoneContrast.ByLocalClimateZone(registry.Sites, series);
        var byDistrict = ZoneContrast.ByDistrict(registry.Sites, series);
        clock.Lap(Zones);
        return new AnalyzeUhiResult(bySite, new HeatIslandReport(days, byLcz, byDistrict));
    }

    // Analyses.SiteMeansAsync once the device means have arrived: each site's devices averaged hour by hour, in hour order.
    private static Dictionary<string, List<KeyValuePair<DateTimeOffset, double>>> SiteMeansOf(SensorRegistry registry, IReadOnlyDictionary<string, IReadOnlyList<HourlyMean>> byDevice)
    {
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

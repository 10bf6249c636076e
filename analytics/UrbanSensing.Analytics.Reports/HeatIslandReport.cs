using System.Text.Json;
using UrbanSensing.Analytics.Heat;
using UrbanSensing.Analytics.Heat.Spatial;
using UrbanSensing.Registry;

namespace UrbanSensing.Analytics.Reports;

/// <summary>
/// What <c>analyze uhi</c> finds: each urban site's daily and nocturnal heat island against the reference sites,
/// and the mean heat island of each local climate zone and district over the range.
/// </summary>
public sealed record HeatIslandReport(
    IReadOnlyList<SiteDayHeatIsland> Days,
    IReadOnlyList<ZoneHeatIsland> ByLcz,
    IReadOnlyList<ZoneHeatIsland> ByDistrict,
    IReadOnlyList<HotSpot> HotSpots,
    HotSpotOptions HotSpotOptions)
{
    /// <summary>
    /// Sites up to 3 km apart are neighbours for Getis-Ord Gi*: the Lille sample sites lie 1 to 5 km apart, so each has
    /// a few; a denser network may want less.
    /// </summary>
    public static HotSpotOptions DefaultHotSpots { get; } = new() { DistanceBandKilometres = 3 };

    /// <exception cref="ArgumentException">No reference site has a series.</exception>
    /// <param name="bySite">Each urban site's hourly heat island (<see cref="HeatIslandIntensity.EachUrbanSite"/> of the same series).</param>
    /// <param name="stations">The sites at their mean heat island (<see cref="HeatIslandMap.StationsOf"/>), for the hot spots.</param>
    public static HeatIslandReport Compute(
        SensorRegistry registry,
        IReadOnlyDictionary<string, HourlySeries> seriesBySite,
        IReadOnlyDictionary<string, IReadOnlyList<HourlyHeatIsland>> bySite,
        IReadOnlyList<Station> stations,
        TimeZoneInfo timeZone)
    {
        var calendar = new CalendarOptions { TimeZone = timeZone };
        var summaries = new HeatIslandDays(calendar, NightWindow.Default);
        var days = new List<SiteDayHeatIsland>();
        var localDates = new LocalDates(timeZone);
        foreach (var site in registry.Sites.Where(site => bySite.ContainsKey(site.Id)))
        {
            var hourly = bySite[site.Id];
            days.AddRange(Rows(site, hourly, summaries.Daily(hourly), summaries.Nocturnal(hourly), localDates));
        }

        // Gi* needs the stations' spread around the mean: with two or fewer sites there is no cluster to find.
        ArgumentNullException.ThrowIfNull(stations);
        var hotSpots = stations.Count > 2 ? new GetisOrdGiStar(DefaultHotSpots).Analyze(stations) : [];
        return new HeatIslandReport(
            days,
            ZoneContrast.ByLocalClimateZone(registry.Sites, seriesBySite),
            ZoneContrast.ByDistrict(registry.Sites, seriesBySite),
            hotSpots,
            DefaultHotSpots);
    }

    /// <summary>A site's rows, one per local date with a day, a night or an hour of heat island.</summary>
    public static IEnumerable<SiteDayHeatIsland> Rows(
        Site site,
        IReadOnlyList<HourlyHeatIsland> hourly,
        IEnumerable<DailyHeatIsland> daily,
        IEnumerable<NocturnalHeatIsland> nocturnal,
        LocalDates localDates)
    {
        ArgumentNullException.ThrowIfNull(hourly);
        ArgumentNullException.ThrowIfNull(localDates);
        var days = daily.ToDictionary(day => day.Date);
        var nights = nocturnal.ToDictionary(night => night.Night);
        var hoursByDate = new Dictionary<DateOnly, int>();
        foreach (var hour in hourly)
        {
            var date = localDates.Of(hour.Hour);
            hoursByDate[date] = hoursByDate.GetValueOrDefault(date) + 1;
        }

        return days.Keys.Union(nights.Keys).Union(hoursByDate.Keys).Order().Select(date => new SiteDayHeatIsland(
            site,
            date,
            days.GetValueOrDefault(date),
            nights.GetValueOrDefault(date),
            hoursByDate.GetValueOrDefault(date)));
    }

    public void WriteCsv(TextWriter csv)
    {
        ReportWriter.Row(csv, "site", "district", "lcz", "date", "mean_uhi", "night_max_uhi", "tmin_uhi", "tmax_uhi", "hours");
        foreach (var day in Days)
        {
            ReportWriter.Row(
                csv,
                day.Site.Id,
                day.Site.District,
                day.Site.LocalClimateZone.Code,
                day.Date,
                day.Day?.MeanIntensity,
                day.Night?.MaximumIntensity,
                day.Day?.MinimumDifference,
                day.Day?.MaximumDifference,
                day.Hours);
        }
    }

    public void WriteJson(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteStartArray("days");
        foreach (var day in Days)
        {
            json.WriteStartObject();
            json.WriteString("site", day.Site.Id);
            json.WriteString("district", day.Site.District);
            json.WriteString("lcz", day.Site.LocalClimateZone.Code);
            json.WriteString("date", ReportWriter.Date(day.Date));
            ReportWriter.Number(json, "meanUhi", day.Day?.MeanIntensity);
            ReportWriter.Number(json, "nightMaxUhi", day.Night?.MaximumIntensity);
            if (day.Night is { } night)
            {
                json.WriteString("nightMaxHour", night.Hour.UtcDateTime);
            }
            else
            {
                json.WriteNull("nightMaxHour");
            }

            json.WriteNumber("nightHours", day.Night?.Hours ?? 0);
            ReportWriter.Number(json, "tminUhi", day.Day?.MinimumDifference);
            ReportWriter.Number(json, "tmaxUhi", day.Day?.MaximumDifference);
            json.WriteNumber("hours", day.Hours);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("byLcz");
        foreach (var zone in ByLcz)
        {
            json.WriteStartObject();
            json.WriteString("lcz", zone.Group);
            json.WriteString("name", LocalClimateZone.TryParse(zone.Group, out var known) ? known.Name : null);
            WriteContrast(json, zone);
        }

        json.WriteEndArray();
        json.WriteStartArray("byDistrict");
        foreach (var district in ByDistrict)
        {
            json.WriteStartObject();
            json.WriteString("district", district.Group);
            WriteContrast(json, district);
        }

        json.WriteEndArray();
        json.WriteStartObject("hotSpots");
        json.WriteString("method", "Getis-Ord Gi* of each site's mean heat island over the range (reference sites at 0 K)");
        ReportWriter.Number(json, "distanceBandKm", HotSpotOptions.DistanceBandKilometres);
        ReportWriter.Number(json, "significanceLevel", HotSpotOptions.SignificanceLevel);
        json.WriteStartArray("sites");
        foreach (var spot in HotSpots)
        {
            json.WriteStartObject();
            json.WriteString("site", spot.Station.Id);
            ReportWriter.Number(json, "meanUhi", spot.Station.Value);
            ReportWriter.Number(json, "z", spot.ZScore);
            json.WriteNumber("p", Math.Round(spot.PValue, 4));
            json.WriteString("class", CategoryName.Of(spot.Class));
            json.WriteNumber("neighbours", spot.Neighbours);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteContrast(Utf8JsonWriter json, ZoneHeatIsland contrast)
    {
        json.WriteNumber("sites", contrast.Sites);
        ReportWriter.Number(json, "meanUhi", contrast.MeanIntensity);
        json.WriteNumber("hours", contrast.Hours);
        json.WriteEndObject();
    }
}

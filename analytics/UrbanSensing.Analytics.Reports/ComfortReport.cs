using System.Globalization;
using System.Text.Json;
using UrbanSensing.Analytics.Comfort;

namespace UrbanSensing.Analytics.Reports;

/// <summary>
/// What <c>analyze comfort</c> finds: each site's heat index, humidex, wet-bulb temperature and dew point hour by hour,
/// and how many hours each site spent in each heat-index and humidex category. The network measures no wind, so UTCI
/// (which needs it) is not computed.
/// </summary>
public sealed record ComfortReport(IReadOnlyList<ComfortHour> Hours, TimeZoneInfo TimeZone)
{
    // Stull (2011) gives his fit for −20 to 50 °C and 5 to 99 %; WetBulbTemperature refuses anything outside.
    private const double WetBulbMinimumCelsius = -20;
    private const double WetBulbMaximumCelsius = 50;
    private const double WetBulbMinimumHumidity = 5;
    private const double WetBulbMaximumHumidity = 99;

    /// <param name="sites">The sites to report, in the order to report them.</param>
    /// <param name="temperatures">Hourly mean air temperature (°C) by site and UTC hour.</param>
    /// <param name="humidities">Hourly mean relative humidity (%) by site and UTC hour; hours without both are left out.</param>
    public static ComfortReport Compute(
        IEnumerable<string> sites,
        IReadOnlyDictionary<string, SortedDictionary<DateTimeOffset, double>> temperatures,
        IReadOnlyDictionary<string, SortedDictionary<DateTimeOffset, double>> humidities,
        TimeZoneInfo timeZone)
    {
        var hours = new List<ComfortHour>();
        foreach (var site in sites)
        {
            if (!temperatures.TryGetValue(site, out var siteTemperatures) || !humidities.TryGetValue(site, out var siteHumidities))
            {
                continue;
            }

            foreach (var (hour, temperature) in siteTemperatures)
            {
                if (siteHumidities.TryGetValue(hour, out var humidity))
                {
                    hours.Add(Of(site, hour, temperature, humidity));
                }
            }
        }

        return new ComfortReport(hours, timeZone);
    }

    /// <summary>One line for people: the sites and hours, and the hours in each category that has any.</summary>
    public string Summary(FileInfo file)
    {
        var (heatIndex, humidex) = CountCategories(Hours);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Hours.Select(hour => hour.Site).Distinct().Count()} sites, {Hours.Count} site-hours written to {file.FullName}; heat index: {Describe(heatIndex)}; humidex: {Describe(humidex)}; no UTCI (no wind sensor)");
    }

    public void WriteCsv(TextWriter csv)
    {
        ReportWriter.Row(csv, "site", "time", "temperature", "humidity", "dew_point", "heat_index", "heat_index_category", "humidex", "humidex_category", "wet_bulb");
        foreach (var hour in Hours)
        {
            ReportWriter.Row(
                csv,
                hour.Site,
                LocalTime(hour.Hour),
                hour.Temperature,
                hour.Humidity,
                hour.DewPoint,
                hour.HeatIndex.Value,
                CategoryName.Of(hour.HeatIndex.Category),
                hour.Humidex?.Value,
                hour.Humidex is { } humidex ? CategoryName.Of(humidex.Category) : null,
                hour.WetBulb);
        }
    }

    public void WriteJson(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteStartArray("hours");
        foreach (var hour in Hours)
        {
            json.WriteStartObject();
            json.WriteString("site", hour.Site);
            json.WriteString("time", LocalTime(hour.Hour));
            ReportWriter.Number(json, "temperature", hour.Temperature);
            ReportWriter.Number(json, "humidity", hour.Humidity);
            ReportWriter.Number(json, "dewPoint", hour.DewPoint);
            ReportWriter.Number(json, "heatIndex", hour.HeatIndex.Value);
            json.WriteString("heatIndexCategory", CategoryName.Of(hour.HeatIndex.Category));
            ReportWriter.Number(json, "humidex", hour.Humidex?.Value);
            json.WriteString("humidexCategory", hour.Humidex is { } humidex ? CategoryName.Of(humidex.Category) : null);
            ReportWriter.Number(json, "wetBulb", hour.WetBulb);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("summary");
        foreach (var site in Hours.GroupBy(hour => hour.Site, StringComparer.Ordinal))
        {
            var (heatIndex, humidex) = CountCategories(site);
            json.WriteStartObject();
            json.WriteString("site", site.Key);
            json.WriteNumber("hours", site.Count());
            WriteCounts(json, "heatIndex", heatIndex);
            WriteCounts(json, "humidex", humidex);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static ComfortHour Of(string site, DateTimeOffset hour, double temperature, double humidity)
    {
        // Perfectly dry air has no dew point, hence no humidex; the heat index is defined from 0 %.
        var dry = humidity <= 0;
        var inStullsRange = temperature is >= WetBulbMinimumCelsius and <= WetBulbMaximumCelsius
            && humidity is >= WetBulbMinimumHumidity and <= WetBulbMaximumHumidity;
        return new ComfortHour(
            site,
            hour,
            temperature,
            humidity,
            dry ? null : Psychrometrics.DewPoint(temperature, humidity).Value,
            HeatIndex.Calculate(temperature, humidity),
            dry ? null : Humidex.FromRelativeHumidity(temperature, humidity),
            inStullsRange ? WetBulbTemperature.Calculate(temperature, humidity).Value : null);
    }

    /// <summary>The hours in each heat-index and humidex category, every category listed.</summary>
    private static (Dictionary<string, int> HeatIndex, Dictionary<string, int> Humidex) CountCategories(IEnumerable<ComfortHour> hours)
    {
        var heatIndex = CategoryName.Counts<HeatIndexCategory>();
        var humidex = CategoryName.Counts<HumidexCategory>();
        foreach (var hour in hours)
        {
            heatIndex[CategoryName.Of(hour.HeatIndex.Category)]++;
            if (hour.Humidex is { } value)
            {
                humidex[CategoryName.Of(value.Category)]++;
            }
        }

        return (heatIndex, humidex);
    }

    private string LocalTime(DateTimeOffset hour) =>
        ReportWriter.LocalTime(hour, TimeZone);

    private static string Describe(Dictionary<string, int> counts)
    {
        var nonEmpty = counts.Where(count => count.Value > 0).Select(count => string.Create(CultureInfo.InvariantCulture, $"{count.Value} h {count.Key}")).ToList();
        return nonEmpty.Count == 0 ? "no hours" : string.Join(", ", nonEmpty);
    }

    private static void WriteCounts(Utf8JsonWriter json, string name, Dictionary<string, int> counts)
    {
        json.WriteStartObject(name);
        foreach (var (category, hours) in counts)
        {
            json.WriteNumber(category, hours);
        }

        json.WriteEndObject();
    }
}

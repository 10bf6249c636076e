using System.Globalization;
using System.Text.Json;
using UrbanSensing.Analytics.AirQuality;
using UrbanSensing.Protocol;

namespace UrbanSensing.Analytics.Reports;

/// <summary>
/// What <c>analyze aqi</c> finds: each site's index per local day on a scheme, from the hourly means of PM2.5, PM10
/// NO2, O3 and SO2 (those each site measures), and each site's exceedances of the WHO 2021 short-term guidelines.
/// </summary>
public sealed record AirQualityReport(
    AirQualityScheme Scheme,
    string TableVersion,
    IReadOnlyList<SiteDayAirQuality> Days,
    IReadOnlyList<SiteGuidelineExceedances> Who)
{
    /// <summary>The quantities of the catalogue that are the pollutants the indices rate.</summary>
    public static IReadOnlyList<(Pollutant Pollutant, Quantity Quantity)> Measured { get; } =
    [
        (Pollutant.Pm25, Quantities.Pm25),
        (Pollutant.Pm10, Quantities.Pm10),
        (Pollutant.No2, Quantities.NitrogenDioxide),
        (Pollutant.O3, Quantities.Ozone),
        (Pollutant.So2, Quantities.SulphurDioxide),
    ];

    private const string Unmeasured = "Each site's index rates the pollutants it measures: a site without, say, O3 reads better than one that rates all five.";

    /// <param name="sites">The sites to report, in the order to report them.</param>
    /// <param name="hourlyMeans">By pollutant, the hourly means (µg/m³) of each site by UTC hour.</param>
    /// <param name="from">The range's start; its local date is the first day.</param>
    /// <param name="to">The range's end, excluded; the local date of its last instant is the last day.</param>
    /// <exception cref="ArgumentException">An hourly mean is negative.</exception>
    public static AirQualityReport Compute(
        AirQualityScheme scheme,
        IEnumerable<string> sites,
        IReadOnlyDictionary<Pollutant, IReadOnlyDictionary<string, SortedDictionary<DateTimeOffset, double>>> hourlyMeans,
        TimeZoneInfo timeZone,
        DateTimeOffset from,
        DateTimeOffset to)
    {
        var table = AirQualityIndex.Table(scheme);
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, timeZone).DateTime);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to.AddTicks(-1), timeZone).DateTime);
        var days = new List<SiteDayAirQuality>();
        var who = new List<SiteGuidelineExceedances>();
        foreach (var site in sites)
        {
            // Each hour is stamped in the zone's offset, so that Averaging groups it into its local day.
            var local = new Dictionary<Pollutant, IReadOnlyList<HourlyValue>>();
            foreach (var (pollutant, _) in Measured)
            {
                if (hourlyMeans.GetValueOrDefault(pollutant)?.GetValueOrDefault(site) is { Count: > 0 } hours)
                {
                    local.Add(pollutant, [.. hours.Select(hour => new HourlyValue(TimeZoneInfo.ConvertTime(hour.Key, timeZone), hour.Value))]);
                }
            }

            var statistics = local.ToDictionary(
                pollutant => pollutant.Key,
                pollutant => DailyStatistic(table.For(pollutant.Key)!.Averaging, pollutant.Value).ToDictionary(day => day.Day, day => day.Value));
            var hoursByDay = local.ToDictionary(
                pollutant => pollutant.Key,
                pollutant => pollutant.Value.CountBy(hour => DateOnly.FromDateTime(hour.Hour.DateTime)).ToDictionary());
            for (var date = first; date <= last; date = date.AddDays(1))
            {
                days.Add(Day(scheme, site, date, hoursByDay, statistics));
            }

            foreach (var (pollutant, hourly) in local)
            {
                var guideline = WhoAirQualityGuidelines.Table.Guidelines.First(candidate => candidate.Pollutant == pollutant && candidate.IsShortTerm);
                who.Add(new SiteGuidelineExceedances(site, pollutant, WhoAirQualityGuidelines.CountExceedances(pollutant, DailyStatistic(guideline.Averaging, hourly))));
            }
        }

        return new AirQualityReport(scheme, table.Version, days, who);
    }

    /// <summary>One line for people: the site-days, the bands found, the days without an index and the WHO exceedances.</summary>
    public string Summary(FileInfo file)
    {
        var indexed = Days.Where(day => day.Band is not null).ToList();
        var bands = indexed
            .GroupBy(day => day.Band!)
            .OrderBy(band => band.Key.Rank)
            .Select(band => string.Create(CultureInfo.InvariantCulture, $"{band.Key.Name} {band.Count()}"));
        var exceedances = Who
            .GroupBy(site => site.Pollutant)
            .Select(pollutant => string.Create(
                CultureInfo.InvariantCulture,
                $"{Name(pollutant.Key)} {pollutant.Sum(site => site.Summary.Exceedances)} of {pollutant.Sum(site => site.Summary.ValidDays)} site-days"));
        var banded = indexed.Count == 0 ? string.Empty : $" ({string.Join(", ", bands)})";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{SchemeName(Scheme)}: {Days.Select(day => day.Site).Distinct().Count()} sites, {Days.Count} site-days written to {file.FullName}, {indexed.Count} with an index{banded}, {Days.Count - indexed.Count} without (data capture); WHO 2021 short-term guidelines exceeded: {(Who.Count == 0 ? "no daily values" : string.Join(", ", exceedances))}");
    }

    public void WriteCsv(TextWriter csv)
    {
        ReportWriter.Row(csv, "site", "date", "index", "band", "pollutants", "pm25", "pm25_band", "pm10", "pm10_band", "no2", "no2_band", "o3", "o3_band", "so2", "so2_band", "reason");
        foreach (var day in Days)
        {
            var fields = new List<object?> { day.Site, day.Date, day.Band?.Rank, day.Band?.Name, string.Join(' ', day.Responsible.Select(Name)) };
            foreach (var (pollutant, _) in Measured)
            {
                var subIndex = day.SubIndices.FirstOrDefault(candidate => candidate.Pollutant == pollutant);
                fields.Add(subIndex?.Concentration);
                fields.Add(subIndex?.Band.Name);
            }

            fields.Add(day.Reason);
            ReportWriter.Row(csv, [.. fields]);
        }
    }

    public void WriteJson(Utf8JsonWriter json)
    {
        var table = AirQualityIndex.Table(Scheme);
        json.WriteStartObject();
        json.WriteString("scheme", SchemeName(Scheme));
        json.WriteString("table", TableVersion);
        json.WriteStartObject("averaging");
        foreach (var (pollutant, _) in Measured)
        {
            json.WriteString(Name(pollutant), Describe(table.For(pollutant)!.Averaging));
        }

        json.WriteEndObject();
        json.WriteString("note", Unmeasured);
        json.WriteStartArray("days");
        foreach (var day in Days)
        {
            json.WriteStartObject();
            json.WriteString("site", day.Site);
            json.WriteString("date", ReportWriter.Date(day.Date));
            if (day.Band is { } band)
            {
                json.WriteNumber("index", band.Rank);
                json.WriteString("band", band.Name);
            }
            else
            {
                json.WriteNull("index");
                json.WriteNull("band");
            }

            json.WriteStartArray("pollutants");
            foreach (var pollutant in day.Responsible)
            {
                json.WriteStringValue(Name(pollutant));
            }

            json.WriteEndArray();
            json.WriteStartObject("subIndices");
            foreach (var subIndex in day.SubIndices)
            {
                json.WriteStartObject(Name(subIndex.Pollutant));
                ReportWriter.Number(json, "value", subIndex.Concentration);
                json.WriteNumber("rank", subIndex.Band.Rank);
                json.WriteString("band", subIndex.Band.Name);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteStartObject("hours");
            foreach (var (pollutant, hours) in day.Hours)
            {
                json.WriteNumber(Name(pollutant), hours);
            }

            json.WriteEndObject();
            json.WriteString("reason", day.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("who");
        foreach (var exceedances in Who)
        {
            json.WriteStartObject();
            json.WriteString("site", exceedances.Site);
            json.WriteString("pollutant", Name(exceedances.Pollutant));
            json.WriteNumber("level", exceedances.Summary.Guideline.Level);
            json.WriteString("averaging", Describe(exceedances.Summary.Guideline.Averaging));
            json.WriteNumber("validDays", exceedances.Summary.ValidDays);
            json.WriteNumber("exceedances", exceedances.Summary.Exceedances);
            json.WriteNumber("permittedExceedances", exceedances.Summary.PermittedExceedances);
            json.WriteBoolean("meetsGuideline", exceedances.Summary.MeetsGuideline);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static string SchemeName(AirQualityScheme scheme) => scheme == AirQualityScheme.Atmo ? "ATMO" : "EAQI";

    private static SiteDayAirQuality Day(
        AirQualityScheme scheme,
        string site,
        DateOnly date,
        Dictionary<Pollutant, Dictionary<DateOnly, int>> hoursByDay,
        Dictionary<Pollutant, Dictionary<DateOnly, double>> statistics)
    {
        var hours = hoursByDay.ToDictionary(pollutant => pollutant.Key, pollutant => pollutant.Value.GetValueOrDefault(date));
        var passed = statistics.Where(pollutant => pollutant.Value.ContainsKey(date)).ToDictionary(pollutant => pollutant.Key, pollutant => pollutant.Value[date]);
        var missing = hoursByDay.Keys.Where(pollutant => !passed.ContainsKey(pollutant)).ToList();
        var result = passed.Count == 0
            ? null
            : AirQualityIndex.Compute(scheme, new PollutantConcentrations
            {
                Pm25 = passed.TryGetValue(Pollutant.Pm25, out var pm25) ? pm25 : null,
                Pm10 = passed.TryGetValue(Pollutant.Pm10, out var pm10) ? pm10 : null,
                No2 = passed.TryGetValue(Pollutant.No2, out var no2) ? no2 : null,
                O3 = passed.TryGetValue(Pollutant.O3, out var o3) ? o3 : null,
                So2 = passed.TryGetValue(Pollutant.So2, out var so2) ? so2 : null,
            });
        if (hoursByDay.Count == 0)
        {
            return new SiteDayAirQuality(site, date, null, [], [], hours, "no pm2.5, pm10, no2, o3 or so2 readings at this site");
        }

        if (missing.Count > 0)
        {
            var reason = string.Join("; ", missing.Select(pollutant => string.Create(
                CultureInfo.InvariantCulture,
                $"{Name(pollutant)}: {hours[pollutant]} hourly values, {DataCapture.HoursPerDailyValue} needed")));
            return new SiteDayAirQuality(site, date, null, [], result?.SubIndices ?? [], hours, reason);
        }

        return new SiteDayAirQuality(site, date, result!.Band, result.ResponsiblePollutants, result.SubIndices, hours, null);
    }

    /// <summary>
    /// The daily statistic a table rates a pollutant on, for each local day that passes data capture. A table rating
    /// hourly values (EAQI 2024) is given each day's highest hourly value: the day's worst hourly band, since a band
    /// only rises with the concentration.
    /// </summary>
    private static IReadOnlyList<DailyValue> DailyStatistic(AveragingPeriod averaging, IReadOnlyList<HourlyValue> hourly) => averaging switch
    {
        AveragingPeriod.DailyMean => Averaging.DailyMeans(hourly),
        AveragingPeriod.DailyMaximumHourly or AveragingPeriod.Hourly => Averaging.DailyMaxima(hourly),
        AveragingPeriod.DailyMaximum8HourMean => Averaging.DailyMaxima8HourMeans(hourly),
        _ => throw new NotSupportedException($"analyze aqi does not compute the {averaging} statistic a table asks for"),
    };

    private static string Describe(AveragingPeriod averaging)
    {
        var statistic = averaging switch
        {
            AveragingPeriod.DailyMean => "daily mean of the hourly means",
            AveragingPeriod.DailyMaximumHourly => "daily maximum of the hourly means",
            AveragingPeriod.Hourly => "hourly means, rated on the day's worst hour (its maximum)",
            AveragingPeriod.DailyMaximum8HourMean => "daily maximum of the 8-hour running means",
            _ => averaging.ToString(),
        };
        return string.Create(CultureInfo.InvariantCulture, $"{statistic}, at least {DataCapture.HoursPerDailyValue} hours of the local day");
    }

    private static string Name(Pollutant pollutant) => Measured.Single(measured => measured.Pollutant == pollutant).Quantity.Name;
}

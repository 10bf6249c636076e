using System.Globalization;
using System.Text.Json;
using UrbanSensing.Analytics.Heat;
using UrbanSensing.Registry;

namespace UrbanSensing.Analytics.Reports;

/// <summary>
/// What <c>analyze heatwave</c> finds at a site: its daily Tmin and Tmax, Météo-France's indicators IBMn and IBMx
/// (3-day means, D to D+2) where the three days are there, the heat-wave episodes at a department's thresholds, its
/// tropical nights (Tmin at or above 20 °C, Météo-France's rule) and its cooling degree hours above 26 °C, per day.
/// </summary>
public sealed record HeatWaveReport(
    Site Site,
    HeatWaveThresholds Thresholds,
    IReadOnlyList<DailyTemperature> Days,
    IReadOnlyDictionary<DateOnly, BiometeorologicalIndicator> Indicators,
    IReadOnlyList<HeatWaveEpisode> Episodes,
    IReadOnlySet<DateOnly> TropicalNights,
    IReadOnlyDictionary<DateOnly, double> CoolingDegreeHoursByDay)
{
    public static HeatWaveReport Compute(Site site, HourlySeries? series, HeatWaveThresholds thresholds, TimeZoneInfo timeZone)
    {
        var days = series is null ? [] : DailyTemperatures.FromHourly(series, new CalendarOptions { TimeZone = timeZone });
        var localDates = new LocalDates(timeZone);
        // Each local day's hours summed by the library's own rule, so a day sums what the whole range would.
        var coolingDegreeHours = series is null
            ? new Dictionary<DateOnly, double>()
            : series.Hours
                .GroupBy(hour => localDates.Of(hour.Time))
                .ToDictionary(day => day.Key, day => CoolingDegreeHours.Sum(HourlySeries.FromReadings(day)));
        return new HeatWaveReport(
            site,
            thresholds,
            days,
            HeatWaves.Indicators(days).ToDictionary(day => day.Date),
            HeatWaves.Detect(days, thresholds),
            Analytics.Heat.TropicalNights.Find(days).ToHashSet(),
            coolingDegreeHours);
    }

    /// <summary>A day whose indicators reach the thresholds: from an episode's start to its end.</summary>
    public bool InHeatWave(DateOnly date) => Episodes.Any(episode => date >= episode.Start && date <= episode.End);

    /// <summary>One line for people: the days found and the episodes.</summary>
    public string Summary()
    {
        var episodes = Episodes.Count == 0
            ? "no heat-wave episode"
            : $"{Episodes.Count} heat-wave episode{(Episodes.Count == 1 ? string.Empty : "s")}: " + string.Join(", ", Episodes.Select(episode =>
                $"{ReportWriter.Date(episode.Start)} to {ReportWriter.Date(episode.End)} (hot days {ReportWriter.Date(episode.FirstHotDay)} to {ReportWriter.Date(episode.LastHotDay)}, peak IBMn {ReportWriter.Round(episode.PeakIbmn).ToString(CultureInfo.InvariantCulture)} °C, IBMx {ReportWriter.Round(episode.PeakIbmx).ToString(CultureInfo.InvariantCulture)} °C)"));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Site.Id}: {Days.Count} days, {Indicators.Count} with indicators; {Thresholds.Name} ({Thresholds.Department}) thresholds IBMn >= {Thresholds.MinimumCelsius} °C and IBMx >= {Thresholds.MaximumCelsius} °C; {episodes}; {TropicalNights.Count} tropical nights; {ReportWriter.Round(CoolingDegreeHoursByDay.Values.Sum())} K·h above {Analytics.Heat.CoolingDegreeHours.DefaultBaseCelsius} °C");
    }

    public void WriteCsv(TextWriter csv)
    {
        ReportWriter.Row(csv, "date", "tmin", "tmax", "ibmn", "ibmx", "in_heatwave", "tropical_night", "cooling_degree_hours");
        foreach (var day in Days)
        {
            var indicator = Indicators.GetValueOrDefault(day.Date);
            ReportWriter.Row(csv, day.Date, day.Minimum, day.Maximum, indicator?.Ibmn, indicator?.Ibmx, InHeatWave(day.Date), TropicalNights.Contains(day.Date), CoolingDegreeHoursByDay.GetValueOrDefault(day.Date));
        }
    }

    public void WriteJson(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("site", Site.Id);
        json.WriteStartObject("thresholds");
        json.WriteString("department", Thresholds.Department);
        json.WriteString("name", Thresholds.Name);
        json.WriteNumber("ibmn", Thresholds.MinimumCelsius);
        json.WriteNumber("ibmx", Thresholds.MaximumCelsius);
        json.WriteEndObject();
        json.WriteNumber("tropicalNights", TropicalNights.Count);
        ReportWriter.Number(json, "coolingDegreeHours", CoolingDegreeHoursByDay.Values.Sum());
        json.WriteNumber("coolingDegreeHoursBaseCelsius", Analytics.Heat.CoolingDegreeHours.DefaultBaseCelsius);
        json.WriteStartArray("days");
        foreach (var day in Days)
        {
            var indicator = Indicators.GetValueOrDefault(day.Date);
            json.WriteStartObject();
            json.WriteString("date", ReportWriter.Date(day.Date));
            ReportWriter.Number(json, "tmin", day.Minimum);
            ReportWriter.Number(json, "tmax", day.Maximum);
            ReportWriter.Number(json, "tmean", day.Mean);
            json.WriteNumber("hours", day.Hours);
            json.WriteNumber("expectedHours", day.ExpectedHours);
            ReportWriter.Number(json, "ibmn", indicator?.Ibmn);
            ReportWriter.Number(json, "ibmx", indicator?.Ibmx);
            json.WriteBoolean("inHeatwave", InHeatWave(day.Date));
            json.WriteBoolean("tropicalNight", TropicalNights.Contains(day.Date));
            ReportWriter.Number(json, "coolingDegreeHours", CoolingDegreeHoursByDay.GetValueOrDefault(day.Date));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("episodes");
        foreach (var episode in Episodes)
        {
            json.WriteStartObject();
            json.WriteString("start", ReportWriter.Date(episode.Start));
            json.WriteString("end", ReportWriter.Date(episode.End));
            json.WriteString("firstHotDay", ReportWriter.Date(episode.FirstHotDay));
            json.WriteString("lastHotDay", ReportWriter.Date(episode.LastHotDay));
            ReportWriter.Number(json, "peakIbmn", episode.PeakIbmn);
            ReportWriter.Number(json, "peakIbmx", episode.PeakIbmx);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}

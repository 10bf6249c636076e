using System.Globalization;
using UrbanSensing.Analytics.AirQuality;
using UrbanSensing.Analytics.Charts;

namespace UrbanSensing.Analytics.Reports;

/// <summary>
/// The reports as charts over time, where people would rather look than read: one series per site, local days and
/// hours on the report's time zone, the thresholds that matter drawn as reference lines.
/// </summary>
public static class ReportCharts
{
    // NWS heat-index bands are set in °F: 80 caution, 90 extreme caution, 103 danger, 125 extreme danger.
    private static readonly (double Fahrenheit, string Band)[] HeatIndexBands = [(80, "caution"), (90, "extreme caution"), (103, "danger"), (125, "extreme danger")];

    /// <summary>Each urban site's daily mean heat island, K, against the reference sites at 0 K.</summary>
    /// <exception cref="AnalysisRefusedException">No site has a day with a mean.</exception>
    public static TimeSeriesChart HeatIsland(HeatIslandReport report, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(report);
        var series = report.Days
            .Where(day => day.Day is not null)
            .GroupBy(day => day.Site.Id, StringComparer.Ordinal)
            .Select(site => new Series(site.Key, site.Select(day => new TimePoint(LocalMidnight(day.Date, timeZone), day.Day!.MeanIntensity))));
        return new TimeSeriesChart("Daily mean urban heat island against the reference sites", "Heat island", Required(series, "no urban site has a daily mean heat island in the range"))
        {
            Unit = "K",
            TimeZone = timeZone,
            ReferenceLines = [new ReferenceLine(0, "reference sites")],
        };
    }

    /// <summary>A site's daily Tmin and Tmax, its IBMn and IBMx against the department's thresholds, and its episodes shaded.</summary>
    /// <exception cref="AnalysisRefusedException">The site has no whole day in the range.</exception>
    public static TimeSeriesChart HeatWave(HeatWaveReport report, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Days.Count == 0)
        {
            throw new AnalysisRefusedException(null, $"site '{report.Site.Id}' has no daily temperatures in the range");
        }

        var indicators = report.Indicators.Values.OrderBy(day => day.Date).ToList();
        List<Series> series =
        [
            new("Tmin", report.Days.Select(day => new TimePoint(LocalMidnight(day.Date, timeZone), day.Minimum))),
            new("Tmax", report.Days.Select(day => new TimePoint(LocalMidnight(day.Date, timeZone), day.Maximum))),
        ];
        if (indicators.Count > 0)
        {
            series.Add(new Series("IBMn (3-day mean of Tmin)", indicators.Select(day => new TimePoint(LocalMidnight(day.Date, timeZone), day.Ibmn))));
            series.Add(new Series("IBMx (3-day mean of Tmax)", indicators.Select(day => new TimePoint(LocalMidnight(day.Date, timeZone), day.Ibmx))));
        }

        var thresholds = report.Thresholds;
        return new TimeSeriesChart($"Heat waves at {report.Site.Id}, {thresholds.Name} ({thresholds.Department}) thresholds", "Air temperature", series)
        {
            Unit = "°C",
            TimeZone = timeZone,
            ReferenceLines =
            [
                new ReferenceLine(thresholds.MinimumCelsius, Label("IBMn threshold", thresholds.MinimumCelsius)),
                new ReferenceLine(thresholds.MaximumCelsius, Label("IBMx threshold", thresholds.MaximumCelsius)),
            ],
            Spans = [.. report.Episodes.Select(episode => new ShadedSpan(LocalMidnight(episode.Start, timeZone), LocalMidnight(episode.End.AddDays(1), timeZone), "heat-wave episode"))],
        };
    }

    /// <summary>Each site's hourly NWS heat index with the NWS bands.</summary>
    /// <exception cref="AnalysisRefusedException">No site has an hour with both temperature and humidity.</exception>
    public static TimeSeriesChart Comfort(ComfortReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var series = report.Hours
            .GroupBy(hour => hour.Site, StringComparer.Ordinal)
            .Select(site => new Series(site.Key, site.Select(hour => new TimePoint(hour.Hour, hour.HeatIndex.Value))));
        return new TimeSeriesChart("Hourly heat index (NWS)", "Heat index", Required(series, "no site has an hour with both air temperature and relative humidity"))
        {
            Unit = "°C",
            TimeZone = report.TimeZone,
            ReferenceLines = [.. HeatIndexBands.Select(band => new ReferenceLine((band.Fahrenheit - 32) * 5 / 9, $"{band.Band} ({band.Fahrenheit:0} °F)"))],
        };
    }

    /// <summary>Each site's daily index rank (1 the best band); days failing data capture are gaps.</summary>
    /// <exception cref="AnalysisRefusedException">No site has a day with an index.</exception>
    public static TimeSeriesChart AirQuality(AirQualityReport report, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(report);
        var series = report.Days
            .Where(day => day.Band is not null)
            .GroupBy(day => day.Site, StringComparer.Ordinal)
            .Select(site => new Series(site.Key, site.Select(day => new TimePoint(LocalMidnight(day.Date, timeZone), day.Band!.Rank))) { Step = TimeSpan.FromDays(1) });
        var scheme = report.Scheme == AirQualityScheme.Atmo ? "ATMO" : "European Air Quality Index";
        return new TimeSeriesChart($"Daily {scheme} per site ({report.TableVersion})", "Index band (1 best)", Required(series, "no site has a day with an index"), ChartKind.Bar)
        {
            TimeZone = timeZone,
        };
    }

    private static List<Series> Required(IEnumerable<Series> series, string reason)
    {
        var list = series.ToList();
        return list.Count > 0 ? list : throw new AnalysisRefusedException(null, reason);
    }

    private static string Label(string what, double celsius) => string.Create(CultureInfo.InvariantCulture, $"{what} {celsius:0.#} °C");

    private static DateTimeOffset LocalMidnight(DateOnly date, TimeZoneInfo timeZone)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, timeZone.GetUtcOffset(midnight));
    }
}

using System.Globalization;
using System.Text.Json;
using UrbanSensing.Analytics.Rain;

namespace UrbanSensing.Analytics.Reports;

/// <summary>
/// What <c>analyze rain</c> finds at each rain gauge: its rain events with their peaks, each peak's return period on an
/// IDF station's Montana fits, and optionally the SCS runoff depth of each event.
/// </summary>
public sealed record RainReport(
    IdfStation Station,
    double MillimetresPerTip,
    TimeSpan MinimumInterEventTime,
    double? CurveNumber,
    TimeZoneInfo TimeZone,
    IReadOnlyList<GaugeEvents> Gauges,
    int FlaggedReadingsLeftOut)
{
    /// <summary>What is printed wherever a return period from the shipped coefficients appears.</summary>
    public const string ExampleNotice = "example coefficients, not Lille-Lesquin's";

    private static readonly RainEventOptions Options = new();

    /// <summary>The peak durations reported, the library's: 6, 15, 30 and 60 minutes.</summary>
    public static IReadOnlyList<TimeSpan> PeakDurations => Options.PeakDurations;

    /// <param name="tips">The tips of every gauge in the range, and how many flagged readings were left out.</param>
    /// <param name="siteOf">The site of a registered device, null for a device the registry does not list (left out).</param>
    public static RainReport Compute(
        TipTimes tips,
        Func<string, string?> siteOf,
        IdfStation station,
        double millimetresPerTip,
        TimeSpan minimumInterEventTime,
        double? curveNumber,
        TimeZoneInfo timeZone)
    {
        var detector = new RainEventDetector(new TippingBucketGauge(millimetresPerTip), Options with { MinimumInterEventTime = minimumInterEventTime });
        var gauges = new List<GaugeEvents>();
        foreach (var (device, readings, times) in tips.Gauges)
        {
            if (siteOf(device) is not { } site)
            {
                continue;
            }

            gauges.Add(new GaugeEvents(site, device, readings, times.Count, times.Count * millimetresPerTip, detector.Detect(times)));
        }

        return new RainReport(
            station,
            millimetresPerTip,
            minimumInterEventTime,
            curveNumber,
            timeZone,
            [.. gauges.OrderBy(gauge => gauge.Site, StringComparer.Ordinal).ThenBy(gauge => gauge.Device, StringComparer.Ordinal)],
            tips.FlaggedReadings);
    }

    public ReturnPeriodEstimate ReturnPeriodOf(PeakIntensity peak) => Station.ReturnPeriodOf(peak.IntensityMmPerHour, peak.Duration.TotalMinutes);

    public double? RunoffMm(RainEvent rain) => CurveNumber is { } cn ? ScsCurveNumber.RunoffMm(rain.DepthMm, cn) : null;

    /// <summary>One line for people: gauges, events, the largest, and where the return periods come from.</summary>
    public string Summary(FileInfo? file)
    {
        var events = Gauges.Sum(gauge => gauge.Events.Count);
        var largest = Gauges.SelectMany(gauge => gauge.Events.Select(rain => (gauge.Site, Rain: rain))).MaxBy(pair => pair.Rain.DepthMm);
        var flagged = FlaggedReadingsLeftOut > 0 ? $"; {FlaggedReadingsLeftOut} flagged readings left out" : string.Empty;
        var notice = Station.IsExample ? $"; return periods from {Station.Name}: {ExampleNotice}" : $"; return periods from {Station.Name}";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"analyze rain: {Gauges.Count} rain gauges, {events} events{(largest.Rain is null ? string.Empty : $", the largest {ReportWriter.Round(largest.Rain.DepthMm)} mm at {largest.Site} from {Time(largest.Rain.Start)}")}{flagged}{notice}{(file is null ? string.Empty : $"; written to {file.FullName}")}");
    }

    public void WriteCsv(TextWriter csv)
    {
        List<object?> header = ["site", "device", "start", "end", "duration_h", "tips", "depth_mm", "mean_intensity_mm_h", "antecedent_dry_days"];
        foreach (var minutes in PeakDurations.Select(duration => (int)duration.TotalMinutes))
        {
            header.AddRange([$"peak_{minutes}min_mm_h", $"return_period_{minutes}min_status", $"return_period_{minutes}min_years", $"return_period_{minutes}min_bound_years"]);
        }

        if (CurveNumber is not null)
        {
            header.Add("runoff_mm");
        }

        ReportWriter.Row(csv, [.. header]);
        foreach (var gauge in Gauges)
        {
            foreach (var rain in gauge.Events)
            {
                List<object?> row = [gauge.Site, gauge.Device, Time(rain.Start), Time(rain.End), rain.Duration.TotalHours, rain.TipCount, rain.DepthMm, rain.MeanIntensityMmPerHour, rain.AntecedentDryPeriodDays];
                foreach (var peak in rain.Peaks)
                {
                    var period = ReturnPeriodOf(peak);
                    row.AddRange([peak.IntensityMmPerHour, StatusName(period.Status), period.Years, period.BoundYears]);
                }

                if (CurveNumber is not null)
                {
                    row.Add(RunoffMm(rain));
                }

                ReportWriter.Row(csv, [.. row]);
            }
        }
    }

    public void WriteJson(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteStartObject("station");
        json.WriteString("name", Station.Name);
        json.WriteBoolean("isExample", Station.IsExample);
        json.WriteString("source", Station.Source);
        if (Station.IsExample)
        {
            json.WriteString("notice", ExampleNotice);
        }

        json.WriteStartArray("fits");
        foreach (var fit in Station.Fits)
        {
            json.WriteStartObject();
            json.WriteNumber("returnPeriodYears", fit.ReturnPeriodYears);
            json.WriteNumber("minDurationMinutes", fit.MinDurationMinutes);
            json.WriteNumber("maxDurationMinutes", fit.MaxDurationMinutes);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteNumber("mmPerTip", MillimetresPerTip);
        json.WriteNumber("interEventHours", MinimumInterEventTime.TotalHours);
        ReportWriter.Number(json, "curveNumber", CurveNumber);
        json.WriteNumber("flaggedReadingsLeftOut", FlaggedReadingsLeftOut);
        json.WriteStartArray("gauges");
        foreach (var gauge in Gauges)
        {
            json.WriteStartObject();
            json.WriteString("site", gauge.Site);
            json.WriteString("device", gauge.Device);
            json.WriteNumber("readings", gauge.Readings);
            json.WriteNumber("tips", gauge.Tips);
            ReportWriter.Number(json, "depthMm", gauge.DepthMm);
            json.WriteNumber("events", gauge.Events.Count);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("events");
        foreach (var gauge in Gauges)
        {
            foreach (var rain in gauge.Events)
            {
                WriteEvent(json, gauge, rain);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private void WriteEvent(Utf8JsonWriter json, GaugeEvents gauge, RainEvent rain)
    {
        json.WriteStartObject();
        json.WriteString("site", gauge.Site);
        json.WriteString("device", gauge.Device);
        json.WriteString("start", Time(rain.Start));
        json.WriteString("end", Time(rain.End));
        ReportWriter.Number(json, "durationHours", rain.Duration.TotalHours);
        json.WriteNumber("tips", rain.TipCount);
        ReportWriter.Number(json, "depthMm", rain.DepthMm);
        ReportWriter.Number(json, "meanIntensityMmPerHour", rain.MeanIntensityMmPerHour);
        ReportWriter.Number(json, "antecedentDryDays", rain.AntecedentDryPeriodDays);
        json.WriteStartArray("peaks");
        foreach (var peak in rain.Peaks)
        {
            var period = ReturnPeriodOf(peak);
            json.WriteStartObject();
            json.WriteNumber("durationMinutes", peak.Duration.TotalMinutes);
            ReportWriter.Number(json, "depthMm", peak.DepthMm);
            ReportWriter.Number(json, "intensityMmPerHour", peak.IntensityMmPerHour);
            json.WriteString("windowEnd", Time(peak.WindowEnd));
            json.WriteStartObject("returnPeriod");
            json.WriteString("status", StatusName(period.Status));
            ReportWriter.Number(json, "years", period.Years);
            ReportWriter.Number(json, "boundYears", period.BoundYears);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (CurveNumber is not null)
        {
            ReportWriter.Number(json, "runoffMm", RunoffMm(rain));
        }

        json.WriteEndObject();
    }

    private static string StatusName(ReturnPeriodStatus status) => status switch
    {
        ReturnPeriodStatus.Interpolated => "interpolated",
        ReturnPeriodStatus.BelowMinimum => "below-minimum",
        ReturnPeriodStatus.AboveMaximum => "above-maximum",
        _ => "duration-not-fitted",
    };

    private string Time(DateTimeOffset time) =>
        ReportWriter.LocalTime(time, TimeZone);
}

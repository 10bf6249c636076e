using System.Globalization;
using System.Text.Json;
using UrbanSensing.Analytics.Rain;

namespace UrbanSensing.Analytics.Reports;

/// <summary>
/// What <c>analyze basins</c> finds for each basin of a basins file: its latest level, volume and fill, its fullest
/// over the range, and the drawdown rate of each falling limb against the design infiltration rate.
/// </summary>
public sealed record BasinsReport(IReadOnlyList<BasinResult> Basins, TimeZoneInfo TimeZone)
{
    /// <summary>
    /// Flags that say a level is wrong (out of range, step, spike, stuck, clock) leave it out. <c>unregistered</c> does
    /// not: the registry ships no water-level sensor, so ingestion flags every level reading so, and the basins file
    /// says which channel measures which basin instead.
    /// </summary>
    public static bool IsTrusted(RawReading reading) =>
        reading.Flags.Length == 0 || reading.Flags.Split('|').All(flag => flag == "unregistered");

    /// <param name="readings">Each basin's raw <c>water-level</c> readings of its device, ordered by sensor and time.</param>
    public static BasinsReport Compute(IEnumerable<(BasinDefinition Basin, IReadOnlyList<RawReading> Readings)> readings, TimeZoneInfo timeZone) =>
        new([.. readings.Select(pair => Assess(pair.Basin, pair.Readings))], timeZone);

    private static BasinResult Assess(BasinDefinition basin, IReadOnlyList<RawReading> readings)
    {
        var channel = readings.Where(reading => reading.Sensor == basin.Sensor).ToList();
        // A repeated time keeps its last reading: the drawdown fit needs strictly increasing times.
        var levels = channel
            .Where(IsTrusted)
            .GroupBy(reading => reading.Time)
            .Select(time => time.Last())
            .OrderBy(reading => reading.Time)
            .ToList();
        if (levels.Count == 0)
        {
            return new BasinResult(basin, 0, channel.Count, null, null, null, null, []);
        }

        var latest = levels[^1];
        var highest = levels.MaxBy(reading => reading.Value);
        var limbs = FallingLimbs.Of([.. levels.Select(reading => new LevelReading(reading.Time, reading.Value * 1000))]);
        return new BasinResult(
            basin,
            levels.Count,
            channel.Count - levels.Count,
            latest.Time,
            basin.Storage.Assess(latest.Value),
            highest.Time,
            basin.Storage.Assess(highest.Value),
            [.. limbs.Where(limb => limb.Count >= 3).Select(limb => DrawdownAnalysis.Analyse(limb, basin.DesignInfiltrationMmPerHour))]);
    }

    /// <summary>One line for people: the basins above their warning fill now, and those that were over the range.</summary>
    public string Summary(FileInfo? file)
    {
        var now = Basins.Where(result => result.Latest?.IsAboveWarning == true).Select(result => result.Basin.Id).ToList();
        var ever = Basins.Where(result => result.Maximum?.IsAboveWarning == true).Select(result => result.Basin.Id).ToList();
        var silent = Basins.Count(result => result.Readings == 0);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"analyze basins: {Basins.Count} basins, {(now.Count == 0 ? "none" : string.Join(", ", now))} above the warning fill at the latest reading, {(ever.Count == 0 ? "none" : string.Join(", ", ever))} at some time; {Basins.Sum(result => result.Drawdowns.Count)} falling limbs measured{(silent > 0 ? $"; {silent} basins without level readings" : string.Empty)}{(file is null ? string.Empty : $"; written to {file.FullName}")}");
    }

    public void WriteCsv(TextWriter csv)
    {
        ReportWriter.Row(
            csv,
            "basin", "device", "sensor", "readings", "capacity_m3", "warning_fraction",
            "latest_time", "latest_level_m", "latest_volume_m3", "latest_fraction", "above_warning",
            "max_time", "max_level_m", "max_volume_m3", "max_fraction", "max_above_warning",
            "limbs", "last_drawdown_mm_h", "last_drawdown_ratio", "last_drawdown_r2", "min_drawdown_ratio", "design_infiltration_mm_h");
        foreach (var result in Basins)
        {
            var last = result.Drawdowns.Count == 0 ? null : result.Drawdowns[^1];
            ReportWriter.Row(
                csv,
                result.Basin.Id, result.Basin.Device, result.Basin.Sensor, result.Readings, result.Basin.Storage.CapacityM3, result.Basin.Storage.WarningFraction,
                Time(result.LatestTime), result.Latest?.LevelM, result.Latest?.VolumeM3, result.Latest?.FractionOfCapacity, result.Latest?.IsAboveWarning,
                Time(result.MaximumTime), result.Maximum?.LevelM, result.Maximum?.VolumeM3, result.Maximum?.FractionOfCapacity, result.Maximum?.IsAboveWarning,
                result.Drawdowns.Count, last?.RateMmPerHour, last?.RatioToDesign, last?.RSquared,
                result.Drawdowns.Count == 0 ? null : result.Drawdowns.Min(drawdown => drawdown.RatioToDesign),
                result.Basin.DesignInfiltrationMmPerHour);
        }
    }

    public void WriteJson(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteNumber("limbToleranceMm", FallingLimbs.ToleranceMm);
        json.WriteStartArray("basins");
        foreach (var result in Basins)
        {
            var basin = result.Basin;
            json.WriteStartObject();
            json.WriteString("id", basin.Id);
            json.WriteString("device", basin.Device);
            json.WriteString("sensor", basin.Sensor);
            ReportWriter.Number(json, "capacityM3", basin.Storage.CapacityM3);
            ReportWriter.Number(json, "overflowLevelM", basin.Storage.OverflowLevelM);
            ReportWriter.Number(json, "warningFraction", basin.Storage.WarningFraction);
            ReportWriter.Number(json, "designInfiltrationMmPerHour", basin.DesignInfiltrationMmPerHour);
            json.WriteNumber("readings", result.Readings);
            json.WriteNumber("flaggedReadingsLeftOut", result.FlaggedLeftOut);
            WriteState(json, "latest", result.LatestTime, result.Latest);
            WriteState(json, "maximum", result.MaximumTime, result.Maximum);
            json.WriteStartArray("drawdowns");
            foreach (var drawdown in result.Drawdowns)
            {
                json.WriteStartObject();
                json.WriteString("limbStart", Time(drawdown.LimbStart));
                json.WriteString("limbEnd", Time(drawdown.LimbEnd));
                json.WriteNumber("points", drawdown.PointsUsed);
                ReportWriter.Number(json, "rateMmPerHour", drawdown.RateMmPerHour);
                ReportWriter.Number(json, "ratioToDesign", drawdown.RatioToDesign);
                ReportWriter.Number(json, "rSquared", drawdown.RSquared);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private void WriteState(Utf8JsonWriter json, string name, DateTimeOffset? time, StorageState? state)
    {
        if (state is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("time", Time(time));
        ReportWriter.Number(json, "levelM", state.LevelM);
        ReportWriter.Number(json, "volumeM3", state.VolumeM3);
        ReportWriter.Number(json, "fraction", state.FractionOfCapacity);
        json.WriteBoolean("aboveWarning", state.IsAboveWarning);
        json.WriteEndObject();
    }

    private string? Time(DateTimeOffset? time) =>
        time is { } instant ? ReportWriter.LocalTime(instant, TimeZone) : null;
}

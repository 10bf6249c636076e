using System.ComponentModel.DataAnnotations;
using UrbanSensing.Analytics.Streaming;

namespace UrbanSensing.Cli;

/// <summary>
/// The continuous analytics on the stream of stored readings (section <c>Analytics</c>): hourly heat index, humidex
/// and dew point written back as derived readings, heat-wave and basin events.
/// </summary>
public sealed class ContinuousAnalyticsOptions
{
    public const string SectionName = "Analytics";

    /// <summary>
    /// Whether they run. By default they do, except on an instance in a shared-subscription group, which sees only part
    /// of each device's readings; true runs them there too.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>INSEE code of the department whose Météo-France heat-wave thresholds apply (59, Nord, for Lille).</summary>
    [Required]
    public string Department { get; set; } = "59";

    /// <summary>IANA zone of the local days of the heat-wave rule.</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Paris";

    /// <summary>How long after an hour's end a quiet device's hour is closed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Lateness { get; set; } = HourlyMeans.DefaultLateness;

    /// <summary>The basins file (cli/README.md) whose water levels are watched for overflow; none watched when empty.</summary>
    public string? BasinsFile { get; set; }
}

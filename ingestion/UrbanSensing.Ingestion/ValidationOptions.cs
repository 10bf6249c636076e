using System.ComponentModel.DataAnnotations;

namespace UrbanSensing.Ingestion;

/// <summary>
/// What the decode stage accepts (section <c>Ingestion:Validation</c>, bound as <see cref="IngestionOptions.Validation"/>).
/// A message outside these limits is rejected whole and goes to the dead letters.
/// </summary>
public sealed class ValidationOptions
{
    public const string SectionName = IngestionOptions.SectionName + ":Validation";

    /// <summary>Larger payloads are rejected before they are decoded. The upper bound is MQTT's own packet limit.</summary>
    [Range(1, 268_435_455)]
    public int MaxPayloadBytes { get; set; } = 256 * 1024;

    /// <summary>How far after the message's arrival a reading may be timed: device clocks drift, but not by hours.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long before the message's arrival a reading may be timed: devices hold readings while offline, for days
    /// at most. Raise it to replay or backfill history.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "36500.00:00:00")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(30);
}

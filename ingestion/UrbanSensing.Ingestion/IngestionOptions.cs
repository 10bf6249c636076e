using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace UrbanSensing.Ingestion;

public sealed class IngestionOptions
{
    public const string SectionName = "Ingestion";

    /// <summary>A batch is written when it holds this many messages...</summary>
    [Range(1, 100_000)]
    public int BatchMaxMessages { get; set; } = 2_000;

    /// <summary>...or when this much time has passed, whichever comes first.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan BatchWindow { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Messages taken from the broker and not yet acknowledged, at most. When the store is slow the
    /// transport stops taking messages here; the rest wait, unacknowledged, at the broker.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxInFlightMessages { get; set; } = 8_000;

    /// <summary>First wait before a failed write is tried again; it doubles on each failure.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest wait between two tries; writes are retried for as long as it takes.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>What the decode stage accepts; configured in <see cref="ValidationOptions.SectionName"/> and validated with this section.</summary>
    [ValidateObjectMembers]
    public ValidationOptions Validation { get; set; } = new();
}

namespace UrbanSensing.Bench.NaiveConsumer;

/// <summary>What the consumer did, printed as JSON when it stops.</summary>
/// <param name="LatencyP50Seconds">From the device time of a reading to the end of its write; null when nothing was written.</param>
internal sealed record ConsumerSummary(
    long Messages,
    long ReadingsWritten,
    long MessagesRejected,
    long WriteFailures,
    double? LatencyP50Seconds,
    double? LatencyP99Seconds,
    DateTimeOffset? FirstWriteUtc,
    DateTimeOffset? LastWriteUtc,
    string? LastError);

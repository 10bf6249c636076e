namespace UrbanSensing.Bench.LoadGenerator;

/// <summary>What a run published and what the broker acknowledged, printed as JSON at the end.</summary>
/// <param name="Seconds">From the common start to the last acknowledgement.</param>
/// <param name="MessagesPerSecond">Acknowledged messages per second over <paramref name="Seconds"/>.</param>
/// <param name="FirstPublishUtc">The start; no device time of this run is earlier.</param>
/// <param name="LastAcknowledgedUtc">The end; no device time of this run is later.</param>
/// <param name="CpuSeconds">CPU time of this process, start-up included: the load competes with what it measures on a small machine.</param>
internal sealed record LoadSummary(
    string Broker,
    int Devices,
    int Connections,
    string Representation,
    double TargetMessagesPerSecond,
    int MaxInFlightPerConnection,
    double DurationLimitSeconds,
    int ReadingsPerMessage,
    int PayloadBytes,
    long MessagesPublished,
    long MessagesAcknowledged,
    long MessagesFailed,
    long ReadingsPublished,
    long ReadingsAcknowledged,
    double Seconds,
    double MessagesPerSecond,
    double ReadingsPerSecond,
    long StartSequence,
    long TimestampsAdjusted,
    DateTimeOffset FirstPublishUtc,
    DateTimeOffset LastAcknowledgedUtc,
    double CpuSeconds,
    IReadOnlyList<string> Errors);

namespace UrbanSensing.Protocol.Senml;

/// <summary>A SenML record with base values applied and an absolute time (RFC 8428 section 4.6).</summary>
/// <param name="Time">Absolute time in seconds since the Unix epoch.</param>
public sealed record ResolvedRecord(
    string Name,
    string? Unit,
    double Time,
    double? Value,
    string? StringValue,
    bool? BooleanValue,
    ReadOnlyMemory<byte>? DataValue,
    double? Sum,
    double? UpdateTime,
    long? Sequence);

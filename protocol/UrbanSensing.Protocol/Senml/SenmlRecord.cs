namespace UrbanSensing.Protocol.Senml;

/// <summary>One SenML record as it travels (RFC 8428 section 4), base fields and relative times unresolved.</summary>
public sealed record SenmlRecord
{
    public string? BaseName { get; init; }
    public double? BaseTime { get; init; }
    public string? BaseUnit { get; init; }
    public double? BaseValue { get; init; }
    public double? BaseSum { get; init; }
    public int? BaseVersion { get; init; }
    public string? Name { get; init; }
    public string? Unit { get; init; }
    public double? Value { get; init; }
    public string? StringValue { get; init; }
    public bool? BooleanValue { get; init; }
    public ReadOnlyMemory<byte>? DataValue { get; init; }
    public double? Sum { get; init; }
    public double? Time { get; init; }
    public double? UpdateTime { get; init; }

    /// <summary>UrbanSensing extension label <c>seq</c>: the device's sequence number of this reading.</summary>
    public long? Sequence { get; init; }

    internal bool HasValue => Value is not null || StringValue is not null || BooleanValue is not null || DataValue is not null || Sum is not null;
}

using UrbanSensing.Protocol;

namespace UrbanSensing.Ingestion;

/// <summary>A valid telemetry message and its readings.</summary>
public sealed record TelemetryMessage(InboundMessage Message, string DeviceId, IReadOnlyList<Reading> Readings)
    : DecodedMessage(Message);

using UrbanSensing.Protocol;

namespace UrbanSensing.Ingestion;

/// <summary>A valid device status (birth message or last will).</summary>
public sealed record StatusMessage(InboundMessage Message, string DeviceId, DeviceStatus Status)
    : DecodedMessage(Message);

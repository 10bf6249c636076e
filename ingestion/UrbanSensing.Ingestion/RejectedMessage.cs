namespace UrbanSensing.Ingestion;

/// <summary>A message that cannot be accepted; it goes to the dead letters with <paramref name="Reason"/>.</summary>
public sealed record RejectedMessage(InboundMessage Message, string? DeviceId, RejectionKind Kind, string Reason)
    : DecodedMessage(Message);

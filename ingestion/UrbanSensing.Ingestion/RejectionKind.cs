namespace UrbanSensing.Ingestion;

/// <summary>Why a message was dead-lettered, coarse enough to count (the reason text says the rest).</summary>
public enum RejectionKind
{
    MalformedPayload,
    UnknownQuantity,
    UnknownUnit,
    ImplausibleValue,
    TimestampOutOfRange,
    DeviceMismatch,
    UnknownTopic,
    InvalidStatus,
    Oversized,
}

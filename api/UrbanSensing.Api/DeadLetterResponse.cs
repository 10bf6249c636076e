namespace UrbanSensing.Api;

/// <param name="PayloadText">The payload as text when it is valid UTF-8, for reading at a glance.</param>
public sealed record DeadLetterResponse(
    long Id,
    DateTime ReceivedAt,
    string Topic,
    string? DeviceId,
    string Kind,
    string Reason,
    string? ContentType,
    string PayloadBase64,
    string? PayloadText);

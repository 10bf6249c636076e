namespace UrbanSensing.Storage;

/// <summary>A message the pipeline could not accept, kept with its raw payload and the reason.</summary>
/// <param name="Id">Assigned by the store; zero for a dead letter not stored yet.</param>
/// <param name="ReceivedAt">When ingestion received it (ingestion clock, UTC).</param>
/// <param name="Topic">The MQTT topic it arrived on.</param>
/// <param name="DeviceId">The device named by the topic, when the topic names one.</param>
/// <param name="Kind">The reason's category, for counting (for example <c>UnknownUnit</c>).</param>
/// <param name="Reason">What is wrong and where, as the decoder or validator said it.</param>
/// <param name="Payload">The payload exactly as received.</param>
/// <param name="ContentType">The MQTT 5 content type, when the publisher set one.</param>
public sealed record DeadLetter(
    long Id,
    DateTimeOffset ReceivedAt,
    string Topic,
    string? DeviceId,
    string Kind,
    string Reason,
    ReadOnlyMemory<byte> Payload,
    string? ContentType);

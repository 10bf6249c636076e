namespace UrbanSensing.Ingestion;

/// <summary>A message as it came off the broker, not yet acknowledged.</summary>
/// <param name="Payload">A copy the pipeline owns; the transport's buffer may be reused once its handler returns.</param>
/// <param name="ReceivedAt">Ingestion clock when the message arrived; "now" for SenML relative times.</param>
/// <param name="AcknowledgeAsync">Tells the broker the message is safe; called only after it is stored.</param>
public sealed record InboundMessage(
    string Topic,
    ReadOnlyMemory<byte> Payload,
    string? ContentType,
    DateTimeOffset ReceivedAt,
    Func<CancellationToken, Task> AcknowledgeAsync);

using Microsoft.Extensions.Logging;

namespace UrbanSensing.Ingestion;

internal static partial class IngestionLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Acknowledgement of a stored message on {Topic} failed; the broker will deliver it again")]
    public static partial void AcknowledgementFailed(ILogger logger, string topic, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Storing a batch of {Messages} messages failed (attempt {Attempt}); retrying in {Delay}")]
    public static partial void StoreFailed(ILogger logger, int messages, int attempt, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Rejected a message from device {DeviceId} on {Topic}: {Reason}")]
    public static partial void MessageRejected(ILogger logger, string? deviceId, string topic, string reason);
}

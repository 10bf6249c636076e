using Microsoft.Extensions.Logging;

namespace UrbanSensing.Ingestion.Mqtt;

internal static partial class MqttIngestionLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Ingestion connected to mqtt://{Host}:{Port} as {ClientId} (session resumed: {SessionPresent})")]
    public static partial void Connected(ILogger logger, string host, int port, string clientId, bool sessionPresent);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Ingestion connection {ClientId} could not connect to mqtt://{Host}:{Port} (attempt {Attempt}); retrying in {Delay}")]
    public static partial void ConnectFailed(ILogger logger, string clientId, string host, int port, int attempt, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Ingestion connection {ClientId} lost mqtt://{Host}:{Port}; reconnecting")]
    public static partial void Disconnected(ILogger logger, string clientId, string host, int port);
}

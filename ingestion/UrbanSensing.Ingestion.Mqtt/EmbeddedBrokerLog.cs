using Microsoft.Extensions.Logging;

namespace UrbanSensing.Ingestion.Mqtt;

internal static partial class EmbeddedBrokerLog
{
    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Embedded MQTT broker listening on {Endpoint}")]
    public static partial void Started(ILogger logger, string endpoint);
}

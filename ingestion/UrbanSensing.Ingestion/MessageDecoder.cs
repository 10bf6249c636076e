using System.Text.Json;
using UrbanSensing.Protocol;
using UrbanSensing.Protocol.Senml;

namespace UrbanSensing.Ingestion;

/// <summary>Turns an inbound message into readings, a device status, or a rejection that says what is wrong. Never throws.</summary>
public static class MessageDecoder
{
    public static DecodedMessage Decode(InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!Topics.TryParse(message.Topic, out var deviceId, out var leaf))
        {
            return new RejectedMessage(message, null, RejectionKind.UnknownTopic, $"topic '{message.Topic}' is not a device topic ({Topics.Root}/<device>/telemetry or /status)");
        }

        return leaf switch
        {
            Topics.TelemetryLeaf => DecodeTelemetry(message, deviceId),
            Topics.StatusLeaf => DecodeStatus(message, deviceId),
            _ => new RejectedMessage(message, deviceId, RejectionKind.UnknownTopic, $"ingestion does not consume '{leaf}' topics"),
        };
    }

    private static DecodedMessage DecodeTelemetry(InboundMessage message, string deviceId)
    {
        IReadOnlyList<Reading> readings;
        try
        {
            readings = SenmlReadings.FromPack(SenmlPayload.Decode(message.Payload, message.ContentType), message.ReceivedAt);
        }
        catch (SenmlFormatException exception)
        {
            return new RejectedMessage(message, deviceId, RejectionKind.MalformedPayload, exception.Message);
        }

        if (readings.Count == 0)
        {
            return new RejectedMessage(message, deviceId, RejectionKind.MalformedPayload, "the SenML pack holds no reading");
        }

        foreach (var reading in readings)
        {
            if (reading.DeviceId != deviceId)
            {
                return new RejectedMessage(
                    message,
                    deviceId,
                    RejectionKind.DeviceMismatch,
                    $"the pack names device '{reading.DeviceId}' but was published on the topic of device '{deviceId}'");
            }
        }

        return new TelemetryMessage(message, deviceId, readings);
    }

    private static DecodedMessage DecodeStatus(InboundMessage message, string deviceId)
    {
        try
        {
            return new StatusMessage(message, deviceId, DeviceStatus.FromJson(message.Payload.Span));
        }
        catch (JsonException exception)
        {
            return new RejectedMessage(message, deviceId, RejectionKind.InvalidStatus, $"invalid device status JSON: {exception.Message}");
        }
    }
}

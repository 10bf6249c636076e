using System.Text.Json;
using UrbanSensing.Protocol;
using UrbanSensing.Protocol.LineProtocol;
using UrbanSensing.Protocol.Senml;

namespace UrbanSensing.Ingestion;

/// <summary>
/// Turns an inbound message into readings, a device status, or a rejection that says what is wrong and of which
/// <see cref="RejectionKind"/>. Telemetry is SenML (JSON or CBOR) or InfluxDB line protocol; its readings are
/// converted to their quantities' units, then validated. Never throws.
/// </summary>
public sealed class MessageDecoder
{
    private readonly int _maxPayloadBytes;
    private readonly ReadingValidator _validator;

    public MessageDecoder(ValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _maxPayloadBytes = options.MaxPayloadBytes;
        _validator = new ReadingValidator(options);
    }

    public DecodedMessage Decode(InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!Topics.TryParse(message.Topic, out var deviceId, out var leaf))
        {
            return new RejectedMessage(message, null, RejectionKind.UnknownTopic, $"topic '{message.Topic}' is not a device topic ({Topics.Root}/<device>/telemetry or /status)");
        }

        if (leaf is not (Topics.TelemetryLeaf or Topics.StatusLeaf))
        {
            return new RejectedMessage(message, deviceId, RejectionKind.UnknownTopic, $"ingestion does not consume '{leaf}' topics");
        }

        if (message.Payload.Length > _maxPayloadBytes)
        {
            // The dead letter keeps the first MaxPayloadBytes, so a hostile payload cannot fill the dead-letter store.
            return new RejectedMessage(
                message with { Payload = message.Payload[.._maxPayloadBytes] },
                deviceId,
                RejectionKind.Oversized,
                $"the payload has {message.Payload.Length} bytes, more than the {_maxPayloadBytes} accepted ({ValidationOptions.SectionName}:{nameof(ValidationOptions.MaxPayloadBytes)}); its first {_maxPayloadBytes} bytes are kept");
        }

        return leaf == Topics.TelemetryLeaf ? DecodeTelemetry(message, deviceId) : DecodeStatus(message, deviceId);
    }

    private DecodedMessage DecodeTelemetry(InboundMessage message, string deviceId)
    {
        IReadOnlyList<Reading> readings;
        try
        {
            var payload = message.Payload;
            readings = LineProtocolReadings.IsLineProtocol(payload.Span, message.ContentType)
                ? LineProtocolReadings.FromPayload(payload.Span, deviceId, message.ReceivedAt)
                : SenmlReadings.FromPack(SenmlPayload.Decode(payload, message.ContentType), message.ReceivedAt);
        }
        catch (PayloadFormatException exception)
        {
            return new RejectedMessage(message, deviceId, KindOf(exception.Kind), exception.Message);
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
                    $"the payload names device '{reading.DeviceId}' but was published on the topic of device '{deviceId}'");
            }
        }

        return _validator.TryValidate(readings, message.ReceivedAt, out var kind, out var reason)
            ? new TelemetryMessage(message, deviceId, readings)
            : new RejectedMessage(message, deviceId, kind, reason);
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

    private static RejectionKind KindOf(PayloadErrorKind kind) => kind switch
    {
        PayloadErrorKind.UnknownQuantity => RejectionKind.UnknownQuantity,
        PayloadErrorKind.UnknownUnit => RejectionKind.UnknownUnit,
        _ => RejectionKind.MalformedPayload,
    };
}

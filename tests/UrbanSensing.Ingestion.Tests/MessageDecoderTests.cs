using System.Text;
using UrbanSensing.Protocol;
using UrbanSensing.Protocol.LineProtocol;
using UrbanSensing.Protocol.Senml;

namespace UrbanSensing.Ingestion.Tests;

public sealed class MessageDecoderTests
{
    private static readonly string Telemetry = Topics.Telemetry("fives-01");
    private readonly TestMessages _messages = new();
    private readonly MessageDecoder _decoder = new(new ValidationOptions { MaxPayloadBytes = 1024 });

    [Fact]
    public void Decode_ValidSenml_GivesItsReadings()
    {
        var decoded = Assert.IsType<TelemetryMessage>(_decoder.Decode(_messages.Telemetry(readings: 3)));

        Assert.Equal(3, decoded.Readings.Count);
        Assert.Equal("fives-01", decoded.DeviceId);
    }

    [Fact]
    public void Decode_SenmlInKelvin_StoresCelsius()
    {
        var decoded = Assert.IsType<TelemetryMessage>(Decode(Telemetry, """[{"bn":"fives-01/","n":"sht31/air-temperature","u":"K","v":294.65}]"""));

        Assert.Equal(21.5, Assert.Single(decoded.Readings).Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData(LineProtocolReadings.ContentType)]
    public void Decode_LineProtocol_GivesItsReadingsConverted(string? contentType)
    {
        var payload = "urbansensing,sensor=bme280 air-temperature=21.5,relative-humidity=60i\nurbansensing,sensor=bme280,unit=hPa air-pressure=1013.2";

        var decoded = Assert.IsType<TelemetryMessage>(Decode(Telemetry, payload, contentType));

        Assert.Equal([21.5, 60, 101_320], decoded.Readings.Select(reading => reading.Value));
        Assert.All(decoded.Readings, reading => Assert.Equal(("fives-01", "bme280", TestMessages.Start), (reading.DeviceId, reading.Sensor, reading.Timestamp)));
    }

    [Theory]
    [InlineData("elsewhere/topic", "[]", RejectionKind.UnknownTopic, "topic 'elsewhere/topic' is not a device topic")]
    [InlineData("urbansensing/v1/devices/fives-01/config", "{}", RejectionKind.UnknownTopic, "ingestion does not consume 'config' topics")]
    [InlineData("urbansensing/v1/devices/fives-01/status", "{\"state\":", RejectionKind.InvalidStatus, "invalid device status JSON")]
    [InlineData("urbansensing/v1/devices/fives-01/telemetry", "[{\"n\":", RejectionKind.MalformedPayload, "record 0, byte 6: malformed JSON")]
    [InlineData("urbansensing/v1/devices/fives-01/telemetry", "m air-temperature=hot", RejectionKind.MalformedPayload, "line 1, column 19: the value 'hot'")]
    [InlineData("urbansensing/v1/devices/fives-01/telemetry", """[{"bn":"fives-01/","n":"s1/ozone","u":"ppm","v":1}]""", RejectionKind.UnknownQuantity, "record 0, field 'n': unknown quantity 'ozone'")]
    [InlineData("urbansensing/v1/devices/fives-01/telemetry", "m ozone=1", RejectionKind.UnknownQuantity, "line 1, column 3: unknown quantity 'ozone'")]
    [InlineData("urbansensing/v1/devices/fives-01/telemetry", """[{"bn":"fives-01/","n":"s1/air-temperature","u":"degF","v":70}]""", RejectionKind.UnknownUnit, "record 0, field 'u': unknown unit 'degF'")]
    [InlineData("urbansensing/v1/devices/fives-01/telemetry", "m,unit=kPa air-pressure=101", RejectionKind.UnknownUnit, "line 1, column 8: unknown unit 'kPa'")]
    [InlineData("urbansensing/v1/devices/fives-01/telemetry", """[{"bn":"fives-01/","n":"s1/air-temperature","u":"K","v":345.55}]""", RejectionKind.ImplausibleValue, "reading 0: air-temperature 72.4 Cel is outside the plausible range -50 to 60 Cel")]
    [InlineData("urbansensing/v1/devices/fives-01/telemetry", "m air-temperature=20\nm,sensor=sds011 pm10=1000.5", RejectionKind.ImplausibleValue, "reading 1: pm10 1000.5 ug/m3 is outside the plausible range 0 to 1000 ug/m3")]
    [InlineData("urbansensing/v1/devices/fives-01/telemetry", "m air-temperature=20 1000000000000000000", RejectionKind.TimestampOutOfRange, "reading 0: its time 2001-09-09T01:46:40Z is ")]
    [InlineData("urbansensing/v1/devices/fives-01/telemetry", """[{"bn":"lomme-02/","n":"s1/air-temperature","u":"Cel","v":20}]""", RejectionKind.DeviceMismatch, "the payload names device 'lomme-02' but was published on the topic of device 'fives-01'")]
    [InlineData("urbansensing/v1/devices/fives-01/telemetry", "m,device=lomme-02 air-temperature=20", RejectionKind.DeviceMismatch, "the payload names device 'lomme-02' but was published on the topic of device 'fives-01'")]
    public void Decode_InvalidMessage_IsRejectedWithItsKindAndReason(string topic, string payload, RejectionKind kind, string expectedReason)
    {
        var rejected = Assert.IsType<RejectedMessage>(Decode(topic, payload));

        Assert.Equal(kind, rejected.Kind);
        Assert.StartsWith(expectedReason, rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_PayloadOfExactlyMaxPayloadBytes_IsDecoded()
    {
        var payload = Padded("m air-temperature=20", 1024);

        Assert.IsType<TelemetryMessage>(_decoder.Decode(_messages.Message(Telemetry, payload)));
    }

    [Fact]
    public void Decode_PayloadOneByteOverMaxPayloadBytes_IsRejectedAsOversizedBeforeDecoding()
    {
        var payload = Padded("this is not even line protocol", 1025);

        var rejected = Assert.IsType<RejectedMessage>(_decoder.Decode(_messages.Message(Telemetry, payload)));

        Assert.Equal(RejectionKind.Oversized, rejected.Kind);
        Assert.Equal("fives-01", rejected.DeviceId);
        Assert.Equal("the payload has 1025 bytes, more than the 1024 accepted (Ingestion:Validation:MaxPayloadBytes); its first 1024 bytes are kept", rejected.Reason);
        Assert.Equal(payload[..1024], rejected.Message.Payload.ToArray());
    }

    [Fact]
    public void Decode_OversizedStatus_IsRejectedToo()
    {
        var rejected = Assert.IsType<RejectedMessage>(_decoder.Decode(_messages.Message(Topics.Status("fives-01"), new byte[2048])));

        Assert.Equal(RejectionKind.Oversized, rejected.Kind);
    }

    [Fact]
    public void Decode_DefaultOptions_Accept256KiBAndNoMore()
    {
        var decoder = new MessageDecoder(new ValidationOptions());

        Assert.IsType<TelemetryMessage>(decoder.Decode(_messages.Message(Telemetry, Padded("m air-temperature=20", 256 * 1024))));
        Assert.Equal(RejectionKind.Oversized, Assert.IsType<RejectedMessage>(decoder.Decode(_messages.Message(Telemetry, Padded("m air-temperature=20", (256 * 1024) + 1)))).Kind);
    }

    [Fact]
    public void Decode_CborGarbageWithItsContentType_IsMalformedCbor()
    {
        var rejected = Assert.IsType<RejectedMessage>(_decoder.Decode(_messages.Message(Telemetry, [0xff, 0x00], SenmlCbor.ContentType)));

        Assert.Equal(RejectionKind.MalformedPayload, rejected.Kind);
        Assert.StartsWith("record 0, byte 0: malformed CBOR", rejected.Reason, StringComparison.Ordinal);
    }

    private DecodedMessage Decode(string topic, string payload, string? contentType = null) =>
        _decoder.Decode(_messages.Message(topic, Encoding.UTF8.GetBytes(payload), contentType));

    /// <summary>A line-protocol payload of exactly <paramref name="length"/> bytes: the line, then comment lines.</summary>
    private static byte[] Padded(string line, int length)
    {
        var payload = new byte[length];
        payload.AsSpan().Fill((byte)'#');
        Encoding.UTF8.GetBytes(line + "\n").CopyTo(payload, 0);
        return payload;
    }
}

using MQTTnet;
using MQTTnet.Protocol;
using UrbanSensing.Protocol;
using UrbanSensing.Protocol.Senml;

namespace UrbanSensing.Ingestion.Mqtt.Tests;

/// <summary>A device-like MQTT 5 publisher sending one-reading SenML packs at QoS 1.</summary>
internal sealed class TestPublisher : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    public static async Task<TestPublisher> ConnectAsync(int port, string clientId, CancellationToken cancellationToken)
    {
        var publisher = new TestPublisher();
        await publisher._client.ConnectAsync(
            new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId(clientId)
                .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).Build(),
            cancellationToken);
        return publisher;
    }

    public static byte[] Pack(string deviceId, long sequence) =>
        SenmlJson.Encode(SenmlReadings.ToPack([new Reading(deviceId, "sht31", Quantities.AirTemperature, DateTimeOffset.UnixEpoch.AddDays(20_000).AddSeconds(sequence), 20, sequence)]));

    public async Task PublishAsync(string deviceId, long sequence, CancellationToken cancellationToken)
    {
        var result = await _client.PublishAsync(
            new MqttApplicationMessageBuilder()
                .WithTopic(Topics.Telemetry(deviceId))
                .WithPayload(Pack(deviceId, sequence))
                .WithContentType(SenmlJson.ContentType)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build(),
            cancellationToken);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"publish refused: {result.ReasonCode}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}

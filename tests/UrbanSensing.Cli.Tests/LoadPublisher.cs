using MQTTnet;
using MQTTnet.Protocol;
using UrbanSensing.Protocol;
using UrbanSensing.Protocol.Senml;

namespace UrbanSensing.Cli.Tests;

/// <summary>
/// Publishes packs of 10 readings at QoS 1 like a fleet of devices would: each message is retried, after a
/// reconnect if need be, until the broker acknowledged it.
/// </summary>
internal sealed class LoadPublisher(int brokerPort, string clientId) : IAsyncDisposable
{
    public const int ReadingsPerMessage = 10;
    public static readonly DateTimeOffset Start = DateTimeOffset.UtcNow.AddHours(-1);

    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private int _published;

    /// <summary>Messages the broker has acknowledged so far.</summary>
    public int Published => Volatile.Read(ref _published);

    public static IEnumerable<(string DeviceId, int Message)> Plan(int devices, int messagesPerDevice) =>
        Enumerable.Range(0, messagesPerDevice).SelectMany(message => Enumerable.Range(0, devices).Select(device => ($"load-{device:D4}", message)));

    public static byte[] Pack(string deviceId, int message)
    {
        var readings = Enumerable.Range(0, ReadingsPerMessage)
            .Select(index =>
            {
                var sequence = ((long)message * ReadingsPerMessage) + index;
                return new Reading(deviceId, "sht31", Quantities.AirTemperature, Start.AddSeconds(sequence), 15 + (sequence % 10), sequence);
            })
            .ToList();
        return SenmlJson.Encode(SenmlReadings.ToPack(readings));
    }

    public async Task PublishAsync(string topic, byte[] payload, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                if (!_client.IsConnected)
                {
                    await _client.ConnectAsync(
                        new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", brokerPort).WithClientId(clientId)
                            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).WithTimeout(TimeSpan.FromSeconds(5)).Build(),
                        cancellationToken);
                }

                var result = await _client.PublishAsync(
                    new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
                        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(),
                    cancellationToken);
                if (result.IsSuccess)
                {
                    Interlocked.Increment(ref _published);
                    return;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The broker went away: wait, reconnect and publish the same message again.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    /// <summary>Publishes the plan at about <paramref name="messagesPerSecond"/>, as a fleet would, not as fast as possible.</summary>
    public async Task PublishReadingsAsync(int devices, int messagesPerDevice, int messagesPerSecond, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        var sent = 0;
        foreach (var (deviceId, message) in Plan(devices, messagesPerDevice))
        {
            await PublishAsync(Topics.Telemetry(deviceId), Pack(deviceId, message), cancellationToken);
            var ahead = TimeSpan.FromSeconds((double)++sent / messagesPerSecond) - TimeProvider.System.GetElapsedTime(started);
            if (ahead > TimeSpan.FromMilliseconds(20))
            {
                await Task.Delay(ahead, cancellationToken);
            }
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

using System.Buffers;
using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Protocol;

namespace UrbanSensing.Firmware.Tests.Mqtt;

/// <summary>A plain MQTT 5 client that subscribes to one filter and queues what the broker sends it.</summary>
internal sealed class BrokerSubscriber : IAsyncDisposable
{
    private static readonly TimeSpan ReceiveTimeout = TimeSpan.FromSeconds(10);

    private readonly IMqttClient _client;
    private readonly Channel<ReceivedMessage> _received = Channel.CreateUnbounded<ReceivedMessage>();

    private BrokerSubscriber(IMqttClient client)
    {
        _client = client;
        _client.ApplicationMessageReceivedAsync += args =>
        {
            var message = args.ApplicationMessage;
            _received.Writer.TryWrite(new ReceivedMessage(
                message.Topic,
                message.Payload.ToArray(),
                message.ContentType,
                message.Retain,
                (int)message.QualityOfServiceLevel));
            return Task.CompletedTask;
        };
    }

    public static async Task<BrokerSubscriber> ConnectAsync(int port, string topicFilter, CancellationToken cancellationToken)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var subscriber = new BrokerSubscriber(client);
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId("test-subscriber-" + Guid.NewGuid().ToString("N"))
            .Build();
        await client.ConnectAsync(options, cancellationToken);
        var subscription = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(topicFilter, MqttQualityOfServiceLevel.AtLeastOnce, noLocal: false, retainAsPublished: false, MqttRetainHandling.SendAtSubscribe)
            .Build();
        await client.SubscribeAsync(subscription, cancellationToken);
        return subscriber;
    }

    /// <summary>The next message, or a <see cref="TimeoutException"/> when none arrives in time.</summary>
    public async Task<ReceivedMessage> NextAsync(CancellationToken cancellationToken) =>
        await _received.Reader.ReadAsync(cancellationToken).AsTask().WaitAsync(ReceiveTimeout, cancellationToken);

    /// <summary>Messages received so far and not yet taken.</summary>
    public IReadOnlyList<ReceivedMessage> TakeAll()
    {
        var messages = new List<ReceivedMessage>();
        while (_received.Reader.TryRead(out var message))
        {
            messages.Add(message);
        }

        return messages;
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build());
        _client.Dispose();
    }
}

using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;

namespace UrbanSensing.Ingestion.Mqtt.Tests;

public sealed class EmbeddedMqttBrokerTests
{
    private const int Messages = 200;

    [Fact]
    public async Task Publish_SubscriberQueueNearlyFull_HoldsPublishersBackAndDropsNothing()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var port = FreeTcpPort();
        await using var broker = new EmbeddedMqttBroker(
            new EmbeddedBrokerOptions { Port = port, MaxPendingMessagesPerClient = 500, SlowPublishersAt = 0.1, QueueCheckInterval = TimeSpan.FromMilliseconds(5) },
            TimeProvider.System,
            NullLogger<EmbeddedMqttBroker>.Instance);
        await broker.StartAsync(cancellationToken);
        var options = new MqttIngestionOptions { Port = port, ClientId = "slow-ingestion" };

        // The subscriber's persistent session stays at the broker while it is away, so messages queue there.
        await (await IngestionInstance.StartAsync(options, acknowledge: true, cancellationToken)).DisposeAsync();
        await using var publisher = await TestPublisher.ConnectAsync(port, "device-1", cancellationToken);
        var published = 0;
        var publishing = Task.Run(
            async () =>
            {
                for (var sequence = 0; sequence < Messages; sequence++)
                {
                    await publisher.PublishAsync("device-1", sequence, cancellationToken);
                    Interlocked.Increment(ref published);
                }
            },
            cancellationToken);

        await Task.WhenAny(publishing, Task.Delay(TimeSpan.FromSeconds(2), cancellationToken));
        // Held back once about 50 wait for the subscriber: checked every 5 ms, so a few more may slip through.
        Assert.False(publishing.IsCompleted);
        Assert.InRange(Volatile.Read(ref published), 50, Messages - 1);

        await using var ingestion = await IngestionInstance.StartAsync(options, acknowledge: true, cancellationToken);
        await publishing.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        await WaitUntilAsync(() => ingestion.Received.Count >= Messages, cancellationToken);

        Assert.Equal(Messages, ingestion.Received.Select(message => Convert.ToHexString(message.Payload.Span)).Distinct().Count());
    }

    internal static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    internal static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

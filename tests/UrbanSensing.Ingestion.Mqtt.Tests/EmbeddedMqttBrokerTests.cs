using Microsoft.Extensions.Logging.Abstractions;
using UrbanSensing.Tests.Shared;

namespace UrbanSensing.Ingestion.Mqtt.Tests;

public sealed class EmbeddedMqttBrokerTests
{
    private const int Messages = 200;

    [Fact]
    public async Task Publish_SubscriberQueueNearlyFull_HoldsPublishersBackAndDropsNothing()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var port = FreePort.Next();
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
        await Poll.UntilAsync(() => ingestion.Received.Count >= Messages, cancellationToken);

        Assert.Equal(Messages, ingestion.Received.Select(message => Convert.ToHexString(message.Payload.Span)).Distinct().Count());
    }
}

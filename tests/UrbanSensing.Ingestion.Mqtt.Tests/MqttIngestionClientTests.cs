using System.ComponentModel.DataAnnotations;
using UrbanSensing.Tests.Shared;

namespace UrbanSensing.Ingestion.Mqtt.Tests;

/// <summary>The MQTT side of ingestion against a real Mosquitto broker.</summary>
public sealed class MqttIngestionClientTests
{
    [Fact]
    public async Task Start_UnacknowledgedMessages_AreDeliveredAgainAfterARestart()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var mosquitto = await MosquittoServer.StartAsync(cancellationToken);
        var options = new MqttIngestionOptions { Port = mosquitto.Port, ClientId = "restarting" };
        await using var publisher = await TestPublisher.ConnectAsync(mosquitto.Port, "device-1", cancellationToken);

        var first = await IngestionInstance.StartAsync(options, acknowledge: false, cancellationToken);
        for (var sequence = 0; sequence < 5; sequence++)
        {
            await publisher.PublishAsync("device-1", sequence, cancellationToken);
        }

        await Poll.UntilAsync(() => first.Received.Count == 5, cancellationToken);
        var received = first.Received.ToArray();
        await received[0].AcknowledgeAsync(cancellationToken);
        await received[1].AcknowledgeAsync(cancellationToken);
        first.Client.StopAccepting();
        await first.DisposeAsync();

        await using var second = await IngestionInstance.StartAsync(options, acknowledge: true, cancellationToken);
        await Poll.UntilAsync(() => second.Received.Count >= 3, cancellationToken);

        Assert.Equal(
            received[2..].Select(message => Convert.ToHexString(message.Payload.Span)),
            second.Received.Select(message => Convert.ToHexString(message.Payload.Span)));
    }

    [Fact]
    public async Task Start_TwoInstancesWithTwoConnectionsInASharedGroup_SplitTheMessagesWithoutDuplicates()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var mosquitto = await MosquittoServer.StartAsync(cancellationToken);
        await using var instanceA = await IngestionInstance.StartAsync(
            new MqttIngestionOptions { Port = mosquitto.Port, ClientId = "ingestion-a", Connections = 2, SharedSubscriptionGroup = "city" },
            acknowledge: true,
            cancellationToken);
        await using var instanceB = await IngestionInstance.StartAsync(
            new MqttIngestionOptions { Port = mosquitto.Port, ClientId = "ingestion-b", Connections = 2, SharedSubscriptionGroup = "city" },
            acknowledge: true,
            cancellationToken);
        await using var publisher = await TestPublisher.ConnectAsync(mosquitto.Port, "device-1", cancellationToken);

        for (var sequence = 0; sequence < 400; sequence++)
        {
            await publisher.PublishAsync($"device-{sequence % 8}", sequence, cancellationToken);
        }

        await Poll.UntilAsync(() => instanceA.Received.Count + instanceB.Received.Count >= 400, cancellationToken);

        var all = instanceA.Received.Concat(instanceB.Received).Select(message => Convert.ToHexString(message.Payload.Span)).ToList();
        Assert.Equal(400, all.Count);
        Assert.Equal(400, all.Distinct().Count());
        Assert.InRange(instanceA.Received.Count, 50, 350);
        Assert.True(instanceA.Client.IsConnected && instanceB.Client.IsConnected);
        Assert.Equal(["ingestion-a-1", "ingestion-a-2"], MqttIngestionClient.ConnectionClientIds(instanceA.Options));
    }

    [Fact]
    public async Task Start_BrokerRestarts_ReconnectsByItselfAndReceivesAgain()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var mosquitto = await MosquittoServer.StartAsync(cancellationToken);
        var options = new MqttIngestionOptions { Port = mosquitto.Port, ClientId = "reconnecting", ReconnectInitialDelay = TimeSpan.FromMilliseconds(50) };
        await using var ingestion = await IngestionInstance.StartAsync(options, acknowledge: true, cancellationToken);

        await mosquitto.StopAsync(kill: true);
        await Poll.UntilAsync(() => !ingestion.Client.IsConnected, cancellationToken);
        await mosquitto.RestartAsync(cancellationToken);
        await Poll.UntilAsync(() => ingestion.Client.IsConnected, cancellationToken);
        await using var publisher = await TestPublisher.ConnectAsync(mosquitto.Port, "device-1", cancellationToken);
        await publisher.PublishAsync("device-1", 1, cancellationToken);

        await Poll.UntilAsync(() => ingestion.Received.Count == 1, cancellationToken);
    }

    [Fact]
    public void Options_SeveralConnectionsWithoutASharedGroup_AreRejected()
    {
        var options = new MqttIngestionOptions { Connections = 3 };
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains(results, result => result.MemberNames.Contains(nameof(MqttIngestionOptions.SharedSubscriptionGroup)));
    }
}

using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;

namespace UrbanSensing.Ingestion.Tests;

public sealed class MessageInboxTests
{
    [Fact]
    public async Task PostAsync_MaxInFlightReached_WaitsUntilAMessageIsAcknowledged()
    {
        using var inbox = new MessageInbox(maxInFlight: 2);
        var messages = new TestMessages();
        var firstReceived = new TaskCompletionSource<InboundMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = inbox.Messages.Subscribe(message => firstReceived.TrySetResult(message));
        var cancellationToken = TestContext.Current.CancellationToken;

        await inbox.PostAsync(messages.Telemetry(), cancellationToken);
        await inbox.PostAsync(messages.Telemetry(), cancellationToken);
        var third = inbox.PostAsync(messages.Telemetry(), cancellationToken).AsTask();

        Assert.False(third.IsCompleted);
        Assert.Equal(2, inbox.InFlight);

        var first = await firstReceived.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        await first.AcknowledgeAsync(cancellationToken);
        await third.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);

        Assert.Equal(2, inbox.InFlight);
        Assert.Equal(1, messages.Acknowledged);
    }

    [Fact]
    public async Task Messages_AfterComplete_DrainsWhatWasPostedAndCompletes()
    {
        using var inbox = new MessageInbox(maxInFlight: 10);
        var messages = new TestMessages();
        var cancellationToken = TestContext.Current.CancellationToken;
        await inbox.PostAsync(messages.Telemetry(), cancellationToken);
        await inbox.PostAsync(messages.Telemetry(), cancellationToken);

        inbox.Complete();
        var drained = await inbox.Messages.ToList().ToTask(cancellationToken);

        Assert.Equal(2, drained.Count);
        await Assert.ThrowsAsync<InvalidOperationException>(() => inbox.PostAsync(messages.Telemetry(), cancellationToken).AsTask());
    }
}

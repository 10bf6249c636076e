using System.Reactive.Linq;
using System.Threading.Channels;

namespace UrbanSensing.Ingestion;

/// <summary>
/// Hands messages from a transport to the pipeline and bounds how many are in flight: <see cref="PostAsync"/>
/// waits while <c>maxInFlight</c> messages are unacknowledged, so a slow store slows the transport instead of
/// growing a queue.
/// </summary>
public sealed class MessageInbox : IDisposable
{
    private readonly int _maxInFlight;
    private readonly SemaphoreSlim _permits;
    private readonly Channel<InboundMessage> _channel;

    public MessageInbox(int maxInFlight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInFlight, 1);
        _maxInFlight = maxInFlight;
        _permits = new SemaphoreSlim(maxInFlight, maxInFlight);
        _channel = Channel.CreateBounded<InboundMessage>(new BoundedChannelOptions(maxInFlight) { SingleReader = true });
    }

    /// <summary>The messages, in the order posted; completes after <see cref="Complete"/>.</summary>
    public IObservable<InboundMessage> Messages => Observable.Create<InboundMessage>(async (observer, cancellationToken) =>
    {
        await foreach (var message in _channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            observer.OnNext(message);
        }

        observer.OnCompleted();
    });

    /// <summary>Waits for room, then queues the message; its acknowledgement frees the room again.</summary>
    public async ValueTask PostAsync(InboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await _permits.WaitAsync(cancellationToken).ConfigureAwait(false);
        var acknowledgeOnce = 0;
        var tracked = message with
        {
            AcknowledgeAsync = acknowledgementToken =>
            {
                // The room is freed before the transport acknowledges: MQTTnet 5 completes an acknowledgement only
                // once its message handler has returned, and that handler may be waiting in PostAsync for this very
                // room. Freeing it afterwards stalled intake to about 45 messages a second behind a backlog.
                if (Interlocked.Exchange(ref acknowledgeOnce, 1) == 0)
                {
                    _permits.Release();
                }

                return message.AcknowledgeAsync(acknowledgementToken);
            },
        };

        if (!_channel.Writer.TryWrite(tracked))
        {
            _permits.Release();
            throw new InvalidOperationException("the inbox is closed: ingestion is stopping");
        }
    }

    /// <summary>No more messages will be posted; the pipeline drains what is queued and completes.</summary>
    public void Complete() => _channel.Writer.TryComplete();

    /// <summary>Messages posted and not yet acknowledged.</summary>
    public int InFlight => _maxInFlight - _permits.CurrentCount;

    public void Dispose() => _permits.Dispose();
}

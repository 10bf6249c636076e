using System.Reactive.Linq;
using System.Threading.Channels;
using UrbanSensing.Ingestion;
using UrbanSensing.Protocol;

namespace UrbanSensing.Cli;

/// <summary>
/// Hands the readings ingestion has stored to the continuous analytics through a bounded channel, so the analytics run
/// on their own thread and a fault in them never reaches the ingestion pipeline. A full channel makes ingestion wait
/// (the analytics are a few dictionary updates a reading, far faster than storing); once the analytics have stopped,
/// readings are no longer handed over, so ingestion never waits on a reader that is gone.
/// </summary>
internal sealed class StoredReadingsFeed
{
    // Telemetry messages, typically 4 to 10 readings each: a few seconds of the ingestion benchmark's rate.
    private const int Capacity = 50_000;

    private readonly Channel<IReadOnlyList<Reading>> _messages = Channel.CreateBounded<IReadOnlyList<Reading>>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = true });

    private volatile bool _abandoned;

    /// <summary>The stored readings, message by message in the order they were stored; completes after <see cref="Complete"/>.</summary>
    public IObservable<Reading> Readings => Observable.Create<Reading>(async (observer, cancellationToken) =>
    {
        await foreach (var readings in _messages.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var reading in readings)
            {
                observer.OnNext(reading);
            }
        }

        observer.OnCompleted();
    });

    public async Task PostAsync(IReadOnlyList<TelemetryMessage> stored, CancellationToken cancellationToken)
    {
        foreach (var message in stored)
        {
            if (_abandoned)
            {
                return;
            }

            await _messages.Writer.WriteAsync(message.Readings, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Complete() => _messages.Writer.TryComplete();

    /// <summary>The analytics have stopped: stop handing readings over, and free a writer waiting for room.</summary>
    public void Abandon()
    {
        _abandoned = true;
        _messages.Writer.TryComplete();
        while (_messages.Reader.TryRead(out _))
        {
        }
    }
}

using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Microsoft.Extensions.Logging;

namespace UrbanSensing.Ingestion;

/// <summary>
/// decode → calibrate (or flag as unregistered) → batch (by count and by time) → store, retried with exponential
/// backoff for as long as it takes → acknowledge. A message is acknowledged only after what it carries is stored; rejected messages are stored as
/// dead letters first. Store failures never reach OnError, so the long-lived stream survives them.
/// </summary>
public sealed class IngestionPipeline(
    BatchWriter writer,
    IngestionOptions options,
    RegistryCalibration calibration,
    IScheduler scheduler,
    ILogger<IngestionPipeline> logger)
{
    /// <summary>
    /// One outcome per stored batch. Batches are stored one after another, in order; how many wait is bounded by
    /// the number of unacknowledged messages the source lets in (<see cref="IngestionOptions.MaxInFlightMessages"/>).
    /// The sequence completes after the source completes and its last batch is stored and acknowledged.
    /// </summary>
    public IObservable<BatchOutcome> Run(IObservable<InboundMessage> messages)
    {
        var decoder = new MessageDecoder(options.Validation);
        return messages
            .Select(decoder.Decode)
            .Select(calibration.Apply)
            .Do(LogRejection)
            .Buffer(options.BatchWindow, options.BatchMaxMessages, scheduler)
            .Where(batch => batch.Count > 0)
            .Select(batch => StoreThenAcknowledge((IReadOnlyList<DecodedMessage>)batch))
            .Concat();
    }

    private IObservable<BatchOutcome> StoreThenAcknowledge(IReadOnlyList<DecodedMessage> batch)
    {
        var attempts = 0;
        return Observable
            .Defer(() =>
            {
                attempts++;
                return Observable.FromAsync(cancellationToken => writer.StoreAsync(batch, cancellationToken));
            })
            .RetryWhen(failures => failures
                .Select(exception =>
                {
                    var delay = BackoffDelay(attempts);
                    IngestionLog.StoreFailed(logger, batch.Count, attempts, delay, exception);
                    return Observable.Timer(delay, scheduler);
                })
                .Concat())
            .SelectMany(_ => Observable.FromAsync(cancellationToken => writer.AcknowledgeAsync(batch, attempts, cancellationToken)));
    }

    private TimeSpan BackoffDelay(int failedAttempts)
    {
        var factor = Math.Pow(2, Math.Min(failedAttempts - 1, 30));
        var delay = options.RetryInitialDelay * factor;
        return delay < options.RetryMaxDelay ? delay : options.RetryMaxDelay;
    }

    private void LogRejection(DecodedMessage decoded)
    {
        if (decoded is RejectedMessage rejected)
        {
            IngestionLog.MessageRejected(logger, rejected.DeviceId, rejected.Message.Topic, rejected.Reason);
        }
    }
}

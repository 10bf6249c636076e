using System.Buffers;
using Microsoft.Extensions.Logging;
using UrbanSensing.Protocol;
using UrbanSensing.Storage;

namespace UrbanSensing.Ingestion;

/// <summary>Stores a batch (readings, dead letters, device status) and acknowledges its messages afterwards.</summary>
public sealed class BatchWriter(
    IReadingStore readings,
    IDeadLetterStore deadLetters,
    IDeviceDirectory devices,
    IngestionMetrics metrics,
    TimeProvider timeProvider,
    ILogger<BatchWriter> logger)
{
    /// <summary>Stores everything the batch carries; throws if the store fails, leaving every message unacknowledged.</summary>
    public async Task StoreAsync(IReadOnlyList<DecodedMessage> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var rejected in batch.OfType<RejectedMessage>())
        {
            var message = rejected.Message;
            await deadLetters.AddAsync(
                new DeadLetter(0, message.ReceivedAt, message.Topic, rejected.DeviceId, rejected.Kind.ToString(), rejected.Reason, message.Payload, message.ContentType),
                cancellationToken).ConfigureAwait(false);
        }

        foreach (var status in batch.OfType<StatusMessage>())
        {
            await devices.UpdateStatusAsync(status.DeviceId, status.Status, status.Message.ReceivedAt, cancellationToken).ConfigureAwait(false);
        }

        var count = batch.OfType<TelemetryMessage>().Sum(message => message.Readings.Count);
        if (count == 0)
        {
            return;
        }

        // A batch's readings outgrow the small-object heap; a pooled array spares a full collection per batch.
        var telemetry = ArrayPool<Reading>.Shared.Rent(count);
        try
        {
            var filled = 0;
            foreach (var message in batch.OfType<TelemetryMessage>())
            {
                foreach (var reading in message.Readings)
                {
                    telemetry[filled++] = reading;
                }
            }

            var started = timeProvider.GetTimestamp();
            try
            {
                await readings.AppendAsync(new ArraySegment<Reading>(telemetry, 0, count), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                metrics.StoreFailed();
                throw;
            }

            metrics.BatchStored(count, timeProvider.GetElapsedTime(started));
        }
        finally
        {
            ArrayPool<Reading>.Shared.Return(telemetry, clearArray: true);
        }
    }

    /// <summary>Acknowledges every message of a stored batch; a failed acknowledgement is logged, not thrown.</summary>
    public async Task<BatchOutcome> AcknowledgeAsync(IReadOnlyList<DecodedMessage> batch, int attempts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var failures = 0;
        var acknowledgedAt = timeProvider.GetUtcNow();
        foreach (var decoded in batch)
        {
            RecordOutcome(decoded, acknowledgedAt);

            try
            {
                await decoded.Message.AcknowledgeAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failures++;
                IngestionLog.AcknowledgementFailed(logger, decoded.Message.Topic, exception);
            }
        }

        return new BatchOutcome(
            batch.Count,
            batch.Count(message => message is RejectedMessage),
            batch.Count(message => message is StatusMessage),
            attempts,
            failures,
            [.. batch.OfType<TelemetryMessage>()]);
    }

    private void RecordOutcome(DecodedMessage decoded, DateTimeOffset acknowledgedAt)
    {
        switch (decoded)
        {
            case RejectedMessage rejected:
                metrics.MessageRejected(rejected.Kind.ToString());
                break;
            case TelemetryMessage telemetry:
                metrics.ReadingsReceived(telemetry.Readings.Count);
                foreach (var reading in telemetry.Readings)
                {
                    metrics.Lag(acknowledgedAt - reading.Timestamp);
                }

                break;
        }
    }
}

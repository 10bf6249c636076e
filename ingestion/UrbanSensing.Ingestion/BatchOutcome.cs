namespace UrbanSensing.Ingestion;

/// <summary>What became of one batch: every message in it was stored (or dead-lettered) and then acknowledged.</summary>
/// <param name="Attempts">Tries the store needed; more than one means it failed and was retried.</param>
/// <param name="AcknowledgementFailures">Messages stored whose acknowledgement did not reach the broker; the broker will deliver them again and the idempotent store absorbs them.</param>
/// <param name="Stored">The batch's telemetry, now stored: what the continuous analytics read.</param>
public sealed record BatchOutcome(int Messages, int Rejected, int StatusUpdates, int Attempts, int AcknowledgementFailures, IReadOnlyList<TelemetryMessage> Stored)
{
    public int ReadingsStored => Stored.Sum(message => message.Readings.Count);
}

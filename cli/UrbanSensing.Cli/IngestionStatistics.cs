using UrbanSensing.Ingestion;

namespace UrbanSensing.Cli;

/// <summary>Running totals of the ingestion, for the health check and the shutdown summary.</summary>
internal sealed class IngestionStatistics
{
    private long _messages;
    private long _readingsStored;
    private long _rejected;

    public long Messages => Interlocked.Read(ref _messages);

    public long ReadingsStored => Interlocked.Read(ref _readingsStored);

    public long Rejected => Interlocked.Read(ref _rejected);

    public void Record(BatchOutcome outcome)
    {
        Interlocked.Add(ref _messages, outcome.Messages);
        Interlocked.Add(ref _readingsStored, outcome.ReadingsStored);
        Interlocked.Add(ref _rejected, outcome.Rejected);
    }
}

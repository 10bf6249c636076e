using System.Diagnostics.Metrics;

namespace UrbanSensing.Ingestion;

/// <summary>
/// Instruments of the meter <c>UrbanSensing.Ingestion</c>. Prometheus names them with a <c>_total</c> or unit
/// suffix, e.g. <c>urbansensing_ingestion_readings_stored_total</c> and <c>urbansensing_ingestion_end_to_end_lag_seconds</c>.
/// </summary>
public sealed class IngestionMetrics
{
    public const string MeterName = "UrbanSensing.Ingestion";

    private readonly Counter<long> _messagesReceived;
    private readonly Counter<long> _readingsReceived;
    private readonly Counter<long> _readingsStored;
    private readonly Counter<long> _messagesRejected;
    private readonly Counter<long> _storeFailures;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _writeDuration;
    private readonly Histogram<double> _endToEndLag;

    public IngestionMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _messagesReceived = meter.CreateCounter<long>("urbansensing.ingestion.messages.received", "{message}", "MQTT messages taken from the broker");
        _readingsReceived = meter.CreateCounter<long>("urbansensing.ingestion.readings.received", "{reading}", "Readings decoded from accepted messages");
        _readingsStored = meter.CreateCounter<long>("urbansensing.ingestion.readings.stored", "{reading}", "Readings stored and acknowledged");
        _messagesRejected = meter.CreateCounter<long>("urbansensing.ingestion.messages.rejected", "{message}", "Messages sent to the dead letters, by reason");
        _storeFailures = meter.CreateCounter<long>("urbansensing.ingestion.store.failures", "{batch}", "Failed attempts to store a batch (each is retried)");
        _batchSize = meter.CreateHistogram<int>(
            "urbansensing.ingestion.batch.size",
            "{reading}",
            "Readings per stored batch",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 10, 100, 500, 1_000, 5_000, 10_000, 50_000] });
        _writeDuration = meter.CreateHistogram<double>(
            "urbansensing.ingestion.write.duration",
            "s",
            "Time to store one batch",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _endToEndLag = meter.CreateHistogram<double>(
            "urbansensing.ingestion.end_to_end.lag",
            "s",
            "From the device timestamp of a reading to its acknowledgement after storage",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.75, 0.9, 1, 1.25, 1.5, 2, 2.5, 5, 10, 30, 60, 300] });
    }

    public void MessageReceived(string leaf) => _messagesReceived.Add(1, new KeyValuePair<string, object?>("topic", leaf));

    public void ReadingsReceived(int count) => _readingsReceived.Add(count);

    public void MessageRejected(string reason) => _messagesRejected.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void StoreFailed() => _storeFailures.Add(1);

    public void BatchStored(int readings, TimeSpan duration)
    {
        _readingsStored.Add(readings);
        _batchSize.Record(readings);
        _writeDuration.Record(duration.TotalSeconds);
    }

    public void Lag(TimeSpan lag) => _endToEndLag.Record(lag.TotalSeconds);
}

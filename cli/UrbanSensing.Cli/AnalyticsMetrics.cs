using System.Diagnostics.Metrics;

namespace UrbanSensing.Cli;

/// <summary>
/// Instruments of the meter <c>UrbanSensing.Analytics</c>, for alerting on events from Prometheus:
/// <c>urbansensing_analytics_events_total{kind}</c>, <c>urbansensing_analytics_derived_readings_total</c>.
/// </summary>
internal sealed class AnalyticsMetrics
{
    public const string MeterName = "UrbanSensing.Analytics";

    private readonly Counter<long> _events;
    private readonly Counter<long> _derivedReadings;
    private readonly Counter<long> _writeFailures;
    private readonly Meter _meter;

    public AnalyticsMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = _meter = meterFactory.Create(MeterName);
        _events = meter.CreateCounter<long>("urbansensing.analytics.events", "{event}", "Events raised by the continuous analytics, by kind");
        _derivedReadings = meter.CreateCounter<long>("urbansensing.analytics.derived_readings", "{reading}", "Derived readings (heat index, humidex, dew point) stored");
        _writeFailures = meter.CreateCounter<long>("urbansensing.analytics.write.failures", "{write}", "Failed attempts to store derived readings or events (each is retried)");
    }

    public void Event(string kind) => _events.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void DerivedReadings(int count) => _derivedReadings.Add(count);

    public void WriteFailed() => _writeFailures.Add(1);

    /// <summary>Readings too late for their hour's mean (resent, or after an outage longer than the lateness), as the running count says.</summary>
    public void ObserveLateReadings(Func<long> lateReadings) =>
        _meter.CreateObservableCounter("urbansensing.analytics.late_readings", lateReadings, "{reading}", "Readings that came after their hour's mean was taken, left out of it");
}

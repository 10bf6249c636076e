using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using UrbanSensing.Analytics.Heat;
using UrbanSensing.Analytics.Streaming;
using UrbanSensing.Protocol;
using UrbanSensing.Registry;
using UrbanSensing.Storage;
using UrbanSensing.Storage.Aggregation;

namespace UrbanSensing.Cli;

/// <summary>
/// The continuous analytics on the readings ingestion has just stored: each device's hourly heat index, humidex and
/// dew point written back to the store as derived readings (sensor <c>derived</c>), and the heat-wave and basin events
/// kept in the event store, logged and counted. A failed write is retried until it succeeds, so the stream outlives a
/// store outage; what waits meanwhile is a few derived readings a device-hour and the rare event.
/// </summary>
internal sealed partial class ContinuousAnalytics(
    IReadingStore readings,
    IAnalyticsEventStore events,
    SensorRegistry registry,
    HeatWaveThresholds thresholds,
    TimeZoneInfo timeZone,
    IReadOnlyList<WatchedBasin> basins,
    TimeSpan lateness,
    AnalyticsMetrics metrics,
    TimeProvider timeProvider,
    ILogger<ContinuousAnalytics> logger)
{
    private const int DerivedBatchMaxReadings = 1_000;
    private static readonly TimeSpan DerivedBatchWindow = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RetryInitialDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan RetryMaxDelay = TimeSpan.FromSeconds(30);

    // The heat-wave rule looks at three days and judges a day once the next has begun: four days of stored hours put the
    // watch back where it was before a restart, so an episode under way is not announced again days late.
    private static readonly TimeSpan HeatWaveReplay = TimeSpan.FromDays(4);

    // A basin's state is its latest level: a day of stored levels puts the watch back where it was before a restart, and
    // the events it raises again carry their first time, which the event store already holds.
    private static readonly TimeSpan BasinReplay = TimeSpan.FromDays(1);

    /// <summary>
    /// Runs the analytics on <paramref name="stored"/>; the task completes once it completes and everything derived from
    /// it is stored. The heat-wave watch first replays the last days' stored hourly means, the basin watch the last day's
    /// stored levels, so that a restart neither forgets an episode or a full basin nor announces it again.
    /// </summary>
    public async Task RunAsync(IObservable<Reading> stored, IScheduler scheduler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        // The replay queries below run synchronously in DuckDB.NET: off the caller's thread, they do not hold up the start.
        await Task.Yield();
        var replayed = await StoredHourlyTemperaturesAsync(cancellationToken).ConfigureAwait(false);
        var replayedLevels = await StoredLevelsAsync(cancellationToken).ConfigureAwait(false);
        var shared = stored.Publish();
        var hourlyMeans = new HourlyMeans([Quantities.AirTemperature, Quantities.RelativeHumidity], lateness, scheduler);
        metrics.ObserveLateReadings(() => hourlyMeans.LateReadings);
        var hourly = hourlyMeans
            .Run(shared.Where(reading => reading.Quantity == Quantities.AirTemperature || reading.Quantity == Quantities.RelativeHumidity))
            .Publish();
        var derived = new ComfortSeries().Run(hourly)
            .Buffer(DerivedBatchWindow, DerivedBatchMaxReadings, scheduler)
            .Where(batch => batch.Count > 0)
            .Select(batch => Observable.FromAsync(token => StoreDerivedAsync([.. batch], token)))
            .Concat();
        var raised = Observable.Merge(
                new HeatWaveWatch(registry, thresholds, timeZone).Run(hourly.Where(hour => hour.Quantity == Quantities.AirTemperature).StartWith(replayed)),
                new BasinWatch(basins).Run(shared.Where(reading => reading.Quantity == Quantities.WaterLevel).StartWith(replayedLevels)))
            .Select(raisedEvent => Observable.FromAsync(token => StoreEventAsync(raisedEvent, token)))
            .Concat();
        var completed = Observable.Merge(derived, raised).DefaultIfEmpty().LastAsync().ToTask(cancellationToken);
        using (hourly.Connect())
        using (shared.Connect())
        {
            await completed.ConfigureAwait(false);
        }
    }

    private async Task<List<ChannelHour>> StoredHourlyTemperaturesAsync(CancellationToken cancellationToken)
    {
        var hourStart = HourlySeries.HourStart(timeProvider.GetUtcNow());
        var selection = new ReadingQuery([], [Quantities.AirTemperature], hourStart - HeatWaveReplay, hourStart, ExcludeFlagged: true);
        var hours = new List<ChannelHour>();
        await foreach (var window in readings.AggregateAsync(new AggregateQuery(selection, AggregationWindow.OneHour, [Aggregate.Mean, new Aggregate(AggregateFunction.Count)], TimeZoneInfo.Utc), cancellationToken).ConfigureAwait(false))
        {
            hours.Add(new ChannelHour(window.DeviceId, window.Sensor, window.Quantity, window.Start, window.Values[0], (int)window.Values[1]));
        }

        // The watch takes hours in the order they close, as they come live: by hour, not by channel.
        hours.Sort((left, right) => left.Hour.CompareTo(right.Hour));
        return hours;
    }

    private async Task<List<Reading>> StoredLevelsAsync(CancellationToken cancellationToken)
    {
        var levels = new List<Reading>();
        if (basins.Count > 0)
        {
            var now = timeProvider.GetUtcNow();
            var selection = new ReadingQuery([.. basins.Select(basin => basin.DeviceId).Distinct(StringComparer.Ordinal)], [Quantities.WaterLevel], now - BasinReplay, now);
            await foreach (var reading in readings.QueryAsync(selection, cancellationToken).ConfigureAwait(false))
            {
                levels.Add(reading);
            }

            // The store answers channel by channel; the watch takes each channel's levels in time order, as they come live.
            levels.Sort((left, right) => left.Timestamp.CompareTo(right.Timestamp));
        }

        return levels;
    }

    private async Task StoreDerivedAsync(IReadOnlyList<Reading> batch, CancellationToken cancellationToken)
    {
        await WriteUntilStoredAsync(token => readings.AppendAsync(batch, token), "derived readings", cancellationToken).ConfigureAwait(false);
        metrics.DerivedReadings(batch.Count);
    }

    /// <summary>Stores the event, and logs and counts it only when it is news: one replayed after a restart is already stored.</summary>
    private async Task StoreEventAsync(AnalyticsEvent raised, CancellationToken cancellationToken)
    {
        var stored = new StoredAnalyticsEvent(raised.Time, raised.Kind, raised.Subject, raised.Message, raised.Value, timeProvider.GetUtcNow());
        var inserted = 0;
        await WriteUntilStoredAsync(async token => inserted = await events.AddAsync([stored], token).ConfigureAwait(false), "an event", cancellationToken).ConfigureAwait(false);
        if (inserted > 0)
        {
            LogEvent(raised.Kind, raised.Subject, raised.Message);
            metrics.Event(raised.Kind);
        }
    }

    private async Task WriteUntilStoredAsync(Func<CancellationToken, Task> write, string what, CancellationToken cancellationToken)
    {
        var delay = RetryInitialDelay;
        while (true)
        {
            try
            {
                await write(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                metrics.WriteFailed();
                LogWriteFailed(what, delay, exception);
                await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
                delay = delay * 2 < RetryMaxDelay ? delay * 2 : RetryMaxDelay;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analytics event {Kind} at {Subject}: {Message}")]
    private partial void LogEvent(string kind, string subject, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing {What} failed; retrying in {Delay}")]
    private partial void LogWriteFailed(string what, TimeSpan delay, Exception exception);
}

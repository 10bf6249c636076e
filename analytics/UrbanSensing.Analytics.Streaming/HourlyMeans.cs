using System.Collections.Frozen;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using UrbanSensing.Protocol;

namespace UrbanSensing.Analytics.Streaming;

/// <summary>
/// Readings → the hourly mean of each channel (device, sensor, quantity), by UTC hour of device time. Only readings of
/// the tracked quantities without quality flags count. A channel's hour is emitted once: when the channel sees a
/// reading of a later hour, or when the scheduler's clock passes the hour's end plus the lateness, so that a device
/// that goes quiet still gets its last hour. A reading for an hour before the channel's newest (a resend, or a reading
/// that arrives after its hour was emitted) is dropped and counted in <see cref="LateReadings"/>.
/// </summary>
public sealed class HourlyMeans
{
    private readonly FrozenSet<string> _quantities;
    private readonly TimeSpan _lateness;
    private readonly IScheduler _scheduler;
    private long _lateReadings;

    /// <param name="quantities">The quantities whose channels are averaged; readings of others are ignored.</param>
    /// <param name="lateness">
    /// How long after an hour's end (on the scheduler's clock) a quiet channel's hour is emitted; when a channel's hour
    /// opens after its end (a device catching up after an outage), that long after it opened.
    /// </param>
    /// <param name="scheduler">Whose clock closes the hours of quiet channels.</param>
    /// <exception cref="ArgumentException"><paramref name="quantities"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lateness"/> is not positive.</exception>
    public HourlyMeans(IEnumerable<Quantity> quantities, TimeSpan lateness, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(quantities);
        ArgumentNullException.ThrowIfNull(scheduler);
        _quantities = quantities.Select(quantity => quantity.Name).ToFrozenSet(StringComparer.Ordinal);
        if (_quantities.Count == 0)
        {
            throw new ArgumentException("Name at least one quantity to average.", nameof(quantities));
        }

        if (lateness <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lateness), lateness, "The lateness must be a positive duration.");
        }

        _lateness = lateness;
        _scheduler = scheduler;
    }

    /// <summary>
    /// 15 minutes: a reading reaches the stream seconds after it is taken (devices sample every 10 s, ingestion
    /// batches in half a second), so this leaves room for a device clock running behind the host's, or a store that
    /// takes minutes to accept a batch, while a quiet channel's last hour still comes a quarter of an hour after it ends.
    /// </summary>
    public static TimeSpan DefaultLateness { get; } = TimeSpan.FromMinutes(15);

    /// <summary>Readings dropped because their channel had already moved past their hour, since construction, over every subscription.</summary>
    public long LateReadings => Interlocked.Read(ref _lateReadings);

    /// <summary>
    /// The channel hours, each once, in the order they close. When <paramref name="readings"/> completes, the hours
    /// still open are emitted at their deadlines, and the sequence completes after the last; an error is passed on at
    /// once. Disposing the subscription drops the open hours: a host that stops mid-hour emits no partial hour.
    /// </summary>
    public IObservable<ChannelHour> Run(IObservable<Reading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        return Observable.Create<ChannelHour>(observer =>
        {
            var hours = new OpenChannelHours(observer, _lateness, _scheduler, () => Interlocked.Increment(ref _lateReadings));
            var subscription = readings.Where(Counts).Subscribe(hours.Add, hours.Fail, hours.Complete);
            return new CompositeDisposable(subscription, hours);
        });
    }

    private bool Counts(Reading reading) =>
        reading.Flags == QualityFlags.None && double.IsFinite(reading.Value) && _quantities.Contains(reading.Quantity.Name);
}

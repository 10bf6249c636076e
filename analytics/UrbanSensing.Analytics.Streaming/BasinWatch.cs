using System.Reactive.Linq;
using UrbanSensing.Protocol;

namespace UrbanSensing.Analytics.Streaming;

/// <summary>
/// Water levels → overflow warnings for retention basins. Each trusted level reading of a basin's channel gives its
/// fill (<see cref="Rain.RetentionStorage.Assess"/>; a level below the table is an empty basin), and the basin moves
/// between three states, raising one event per move: normal → near overflow when the fill reaches the warning
/// fraction ("basin-near-overflow"); any → overflowing when the water reaches the overflow level
/// ("basin-overflowing"); overflowing → near overflow when the fill falls below 1 minus the hysteresis; near overflow
/// or overflowing → normal when it falls below the warning fraction minus the hysteresis ("basin-back-to-normal").
/// A reading no newer than the channel's newest (a resend, or one arriving late) changes nothing.
/// </summary>
public sealed class BasinWatch
{
    /// <summary>
    /// 5 points of fill: the water must fall that far below a threshold before the basin is said to be back, so that
    /// ripples and sensor noise of a few centimetres around a threshold do not raise an event per reading.
    /// </summary>
    public const double DefaultHysteresis = 0.05;

    private readonly IReadOnlyList<WatchedBasin> _basins;
    private readonly double _hysteresis;

    /// <param name="basins">The basins to watch; several may share a channel.</param>
    /// <param name="hysteresis">How far below a threshold, as a fraction of capacity, the fill must fall to leave its state.</param>
    /// <exception cref="ArgumentException">A basin is null or two share an id.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="hysteresis"/> is negative, or not below a basin's warning fraction.</exception>
    public BasinWatch(IReadOnlyList<WatchedBasin> basins, double hysteresis = DefaultHysteresis)
    {
        ArgumentNullException.ThrowIfNull(basins);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var basin in basins)
        {
            if (basin is null || !ids.Add(basin.Id))
            {
                throw new ArgumentException($"Every basin must be given once, with its own id{(basin is null ? string.Empty : $"; '{basin.Id}' is given twice")}.", nameof(basins));
            }

            if (!double.IsFinite(hysteresis) || hysteresis < 0 || hysteresis >= basin.Storage.WarningFraction)
            {
                throw new ArgumentOutOfRangeException(nameof(hysteresis), hysteresis, $"The hysteresis is a fraction of capacity from 0 to below the warning fraction of every basin ({basin.Storage.WarningFraction} for '{basin.Id}').");
            }
        }

        _basins = [.. basins];
        _hysteresis = hysteresis;
    }

    /// <summary>
    /// The events, in reading order. Only <c>water-level</c> readings of the basins' channels count, and only those
    /// whose flags are none or just <see cref="QualityFlags.Unregistered"/> (the registry lists no water-level sensor,
    /// so ingestion flags them all so; the basins say which channel measures what, as in <c>analyze basins</c>).
    /// Completes and fails with <paramref name="levels"/>.
    /// </summary>
    public IObservable<AnalyticsEvent> Run(IObservable<Reading> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        return Observable.Defer(() =>
        {
            var channels = _basins
                .Select(basin => new BasinLevel(basin, _hysteresis))
                .GroupBy(basin => (basin.Basin.DeviceId, basin.Basin.Sensor))
                .ToDictionary(channel => channel.Key, channel => channel.ToArray());
            return levels
                .Where(IsTrusted)
                .SelectMany(reading => channels.TryGetValue((reading.DeviceId, reading.Sensor), out var basins)
                    ? basins.Select(basin => basin.Add(reading)).OfType<AnalyticsEvent>()
                    : []);
        });
    }

    private static bool IsTrusted(Reading reading) =>
        reading.Quantity == Quantities.WaterLevel
        && (reading.Flags & ~QualityFlags.Unregistered) == QualityFlags.None
        && double.IsFinite(reading.Value);
}

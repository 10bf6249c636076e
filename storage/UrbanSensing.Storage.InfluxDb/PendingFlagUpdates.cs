using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using UrbanSensing.Protocol;

namespace UrbanSensing.Storage.InfluxDb;

/// <summary>
/// The updates of one <see cref="InfluxDbStore.SetQualityFlagsAsync"/> call, keyed by the point each names (measurement
/// of its quantity's domain, device, sensor, quantity, nanosecond), and which of them found their point.
/// </summary>
internal sealed class PendingFlagUpdates
{
    private readonly Dictionary<(InfluxChannel Channel, long Nanoseconds), (QualityFlagUpdate Update, bool Matched)> _updates;
    private readonly QualityFlags _owned;

    /// <param name="updates">Valid (<see cref="QualityFlagUpdates.ThrowIfInvalid"/>), so no two name the same point.</param>
    public PendingFlagUpdates(IReadOnlyList<QualityFlagUpdate> updates, QualityFlags owned)
    {
        _owned = owned;
        _updates = new(updates.Count);
        foreach (var update in updates)
        {
            // Readings are kept to the microsecond, and an update names the reading of its microsecond (as the DuckDB
            // store truncates both); no point can be stored at a time InfluxDB cannot hold.
            var microsecond = new DateTimeOffset(update.Timestamp.UtcTicks / TimeSpan.TicksPerMicrosecond * TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);
            if (LineProtocol.TryToUnixNanoseconds(microsecond, out var nanoseconds))
            {
                var channel = new InfluxChannel(LineProtocol.Measurement(update.Quantity.Domain), update.DeviceId, update.Sensor, update.Quantity.Name);
                _updates.Add((channel, nanoseconds), (update, false));
            }
        }
    }

    /// <summary>How many updates found their point so far.</summary>
    public int Matched { get; private set; }

    /// <summary>
    /// Closed intervals of time covering every update, split wherever two consecutive updates are more than
    /// <paramref name="maxGap"/> apart, each with the channels it updates.
    /// </summary>
    public IReadOnlyList<FlagUpdateSpan> Spans(TimeSpan maxGap)
    {
        var gap = (Int128)maxGap.Ticks * 100;
        var keys = _updates.Keys.OrderBy(key => key.Nanoseconds).ToList();
        var spans = new List<FlagUpdateSpan>();
        var start = 0;
        for (var index = 1; index <= keys.Count; index++)
        {
            if (index == keys.Count || (Int128)keys[index].Nanoseconds - keys[index - 1].Nanoseconds > gap)
            {
                var channels = keys.GetRange(start, index - start).Select(key => key.Channel).ToHashSet();
                spans.Add(new FlagUpdateSpan(keys[start].Nanoseconds, keys[index - 1].Nanoseconds, channels));
                start = index;
            }
        }

        return spans;
    }

    /// <summary>The flags the stored point must have, or null when no update names it.</summary>
    public QualityFlags? Apply(in StoredFlags stored)
    {
        ref var pending = ref CollectionsMarshal.GetValueRefOrNullRef(_updates, (stored.Channel, stored.Nanoseconds));
        if (Unsafe.IsNullRef(ref pending))
        {
            return null;
        }

        // A channel whose place tags changed may hold the reading in two series: both are updated, the update counted once.
        if (!pending.Matched)
        {
            pending.Matched = true;
            Matched++;
        }

        return pending.Update.ApplyTo(stored.Flags, _owned);
    }
}

/// <summary>The updates of <paramref name="Channels"/> within [<paramref name="FromNanoseconds"/>, <paramref name="ToNanoseconds"/>].</summary>
internal sealed record FlagUpdateSpan(long FromNanoseconds, long ToNanoseconds, IReadOnlyCollection<InfluxChannel> Channels);

using System.Runtime.CompilerServices;
using UrbanSensing.Protocol;

namespace UrbanSensing.Storage.Aggregation;

/// <summary>
/// Aggregates readings, ordered by channel (device, sensor, quantity) then time, window by window, holding one
/// window's values at a time. Stores whose engine cannot follow <see cref="CalendarWindows"/> aggregate with it,
/// and it is the reference every store's own aggregation is tested against.
/// </summary>
public static class WindowAggregator
{
    /// <param name="readings">The query's selection, in <see cref="IReadingStore.QueryAsync"/> order, without a limit.</param>
    /// <param name="query">Its selection's limit, when set, bounds the number of windows.</param>
    public static async IAsyncEnumerable<AggregatedWindow> AggregateAsync(
        IAsyncEnumerable<Reading> readings,
        AggregateQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentNullException.ThrowIfNull(query);
        var windows = new CalendarWindows(query.Window, query.TimeZone);
        var limit = query.Selection.Limit ?? int.MaxValue;
        ArgumentOutOfRangeException.ThrowIfNegative(limit, nameof(query));
        if (limit == 0)
        {
            yield break;
        }

        var returned = 0;
        WindowAccumulator? current = null;
        await foreach (var reading in readings.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (current is not null && !current.Holds(reading))
            {
                yield return current.Result();
                current = null;
                if (++returned == limit)
                {
                    yield break;
                }
            }

            if (current is null)
            {
                var (start, end) = windows.Containing(reading.Timestamp);
                current = new WindowAccumulator(reading, start, end, query.Aggregates);
            }

            current.Add(reading);
        }

        if (current is not null && returned < limit)
        {
            yield return current.Result();
        }
    }

    /// <summary>Type 7 percentile (linear interpolation between closest ranks) of values sorted in ascending order.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double percentile)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        var rank = (sorted.Count - 1) * percentile / 100;
        var below = (int)Math.Floor(rank);
        return below + 1 < sorted.Count
            ? sorted[below] + ((rank - below) * (sorted[below + 1] - sorted[below]))
            : sorted[below];
    }
}

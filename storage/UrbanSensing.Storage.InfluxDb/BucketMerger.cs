using UrbanSensing.Storage.Aggregation;

namespace UrbanSensing.Storage.InfluxDb;

/// <summary>Merges InfluxDB's buckets into the calendar windows that hold them, and computes the aggregates of each window.</summary>
internal static class BucketMerger
{
    /// <param name="buckets">In <see cref="ChannelOrder"/>; each lies within one window (see <see cref="TimeGrouping"/>).</param>
    /// <param name="aggregates">Any but percentiles, which InfluxQL cannot compute as the contract defines them.</param>
    public static IEnumerable<AggregatedWindow> Merge(
        IReadOnlyList<BucketStatistics> buckets,
        CalendarWindows windows,
        IReadOnlyList<Aggregate> aggregates)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(aggregates);
        if (buckets.Count == 0)
        {
            yield break;
        }

        var merged = buckets[0];
        var (start, end) = windows.Containing(merged.Start);
        for (var index = 1; index < buckets.Count; index++)
        {
            var bucket = buckets[index];
            if (bucket.Start < end && SameChannel(bucket, merged))
            {
                merged = merged.Merge(bucket);
                continue;
            }

            yield return Window(merged, start, end, aggregates);
            merged = bucket;
            (start, end) = windows.Containing(bucket.Start);
        }

        yield return Window(merged, start, end, aggregates);
    }

    private static bool SameChannel(in BucketStatistics bucket, in BucketStatistics other) =>
        string.Equals(bucket.DeviceId, other.DeviceId, StringComparison.Ordinal)
        && string.Equals(bucket.Sensor, other.Sensor, StringComparison.Ordinal)
        && bucket.Quantity == other.Quantity;

    private static AggregatedWindow Window(in BucketStatistics statistics, DateTimeOffset start, DateTimeOffset end, IReadOnlyList<Aggregate> aggregates)
    {
        var values = new double[aggregates.Count];
        for (var index = 0; index < values.Length; index++)
        {
            values[index] = aggregates[index].Function switch
            {
                AggregateFunction.Mean => statistics.Sum / statistics.Count,
                AggregateFunction.Min => statistics.Min,
                AggregateFunction.Max => statistics.Max,
                AggregateFunction.Sum => statistics.Sum,
                AggregateFunction.Count => statistics.Count,
                AggregateFunction.Last => statistics.Last,
                _ => throw new ArgumentOutOfRangeException(nameof(aggregates), aggregates[index], "InfluxDB does not compute this aggregate."),
            };
        }

        return new AggregatedWindow(statistics.DeviceId, statistics.Sensor, statistics.Quantity, start, end, values);
    }
}

namespace UrbanSensing.Bench.NaiveConsumer;

/// <summary>Counts latencies in 1 ms buckets up to one minute (and one bucket above), for percentiles at the end.</summary>
internal sealed class LatencyHistogram
{
    private const int Buckets = 60_000;

    private readonly long[] _counts = new long[Buckets + 1];
    private long _total;

    public long Count => Interlocked.Read(ref _total);

    public void Record(TimeSpan latency, int weight)
    {
        var bucket = latency <= TimeSpan.Zero ? 0 : Math.Min((long)latency.TotalMilliseconds, Buckets);
        Interlocked.Add(ref _counts[bucket], weight);
        Interlocked.Add(ref _total, weight);
    }

    /// <summary>The upper bound, in seconds, of the bucket holding the <paramref name="quantile"/>; null when empty or above a minute.</summary>
    public double? Percentile(double quantile)
    {
        var rank = (long)Math.Ceiling(quantile * Count);
        long seen = 0;
        for (var bucket = 0; bucket < Buckets; bucket++)
        {
            seen += Interlocked.Read(ref _counts[bucket]);
            if (seen >= rank && seen > 0)
            {
                return (bucket + 1) / 1000.0;
            }
        }

        return null;
    }
}

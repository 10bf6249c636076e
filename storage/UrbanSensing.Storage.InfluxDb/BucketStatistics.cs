using UrbanSensing.Protocol;

namespace UrbanSensing.Storage.InfluxDb;

/// <summary>What InfluxDB computed over the readings of one channel in one bucket of a <see cref="TimeGrouping"/>.</summary>
/// <param name="Start">The bucket's first instant within its grouping: no reading of the bucket is earlier.</param>
/// <param name="Last">The value of the bucket's latest reading.</param>
internal readonly record struct BucketStatistics(
    string DeviceId,
    string Sensor,
    Quantity Quantity,
    DateTimeOffset Start,
    long Count,
    double Sum,
    double Min,
    double Max,
    double Last)
{
    /// <summary>The statistics of this bucket and a later one of the same channel together.</summary>
    public BucketStatistics Merge(in BucketStatistics later) => this with
    {
        Count = Count + later.Count,
        Sum = Sum + later.Sum,
        Min = Math.Min(Min, later.Min),
        Max = Math.Max(Max, later.Max),
        Last = later.Last,
    };
}

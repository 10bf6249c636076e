using UrbanSensing.Protocol;

namespace UrbanSensing.Storage.Aggregation;

/// <summary>The running statistics of one channel's readings in one window.</summary>
internal sealed class WindowAccumulator(Reading first, DateTimeOffset start, DateTimeOffset end, IReadOnlyList<Aggregate> aggregates)
{
    private readonly List<double>? _values = aggregates.Any(aggregate => aggregate.Function == AggregateFunction.Percentile) ? [] : null;
    private long _count;
    private double _sum;
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;
    private double _last;
    private DateTimeOffset _lastTime = DateTimeOffset.MinValue;

    /// <summary>Whether the reading belongs here: same channel, before the window's end (readings come in time order).</summary>
    public bool Holds(in Reading reading) =>
        reading.Timestamp < end
        && string.Equals(reading.DeviceId, first.DeviceId, StringComparison.Ordinal)
        && string.Equals(reading.Sensor, first.Sensor, StringComparison.Ordinal)
        && reading.Quantity == first.Quantity;

    public void Add(in Reading reading)
    {
        var value = reading.Value;
        _count++;
        _sum += value;
        _min = Math.Min(_min, value);
        _max = Math.Max(_max, value);
        if (reading.Timestamp >= _lastTime)
        {
            (_last, _lastTime) = (value, reading.Timestamp);
        }

        _values?.Add(value);
    }

    public AggregatedWindow Result()
    {
        _values?.Sort();
        var values = new double[aggregates.Count];
        for (var index = 0; index < values.Length; index++)
        {
            var aggregate = aggregates[index];
            values[index] = aggregate.Function switch
            {
                AggregateFunction.Mean => _sum / _count,
                AggregateFunction.Min => _min,
                AggregateFunction.Max => _max,
                AggregateFunction.Sum => _sum,
                AggregateFunction.Count => _count,
                AggregateFunction.Last => _last,
                _ => WindowAggregator.Percentile(_values!, aggregate.Percentile),
            };
        }

        return new AggregatedWindow(first.DeviceId, first.Sensor, first.Quantity, start, end, values);
    }
}

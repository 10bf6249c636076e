namespace UrbanSensing.Storage.DuckDb;

/// <summary>
/// The keys (channel, microsecond) of a batch being staged: a key seen before in the batch is dropped, and the
/// batch's times are grouped into spans to compare with the stored readings. One instance serves every write, one
/// after another, so its sets keep their capacity instead of being reallocated per batch.
/// </summary>
internal sealed class StagedTimes
{
    // Ticks finer than a microsecond do not survive in DuckDB; the spans get this much room on each side so that
    // however a time is rounded on its way in, it stays inside its span.
    private static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(1);

    private readonly HashSet<(int Channel, long Microseconds)> _keys = [];
    private readonly List<long> _microseconds = [];

    /// <summary>Forgets the previous batch.</summary>
    public void Clear()
    {
        _keys.Clear();
        _microseconds.Clear();
    }

    /// <returns>False when the batch already holds a reading of this channel at this microsecond.</returns>
    public bool TryAdd(int channel, DateTimeOffset time)
    {
        var microseconds = time.UtcTicks / 10;
        if (!_keys.Add((channel, microseconds)))
        {
            return false;
        }

        _microseconds.Add(microseconds);
        return true;
    }

    /// <summary>Closed intervals covering every staged time, split wherever two consecutive times are more than <paramref name="maxGap"/> apart.</summary>
    public IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> Spans(TimeSpan maxGap)
    {
        if (_microseconds.Count == 0)
        {
            return [];
        }

        var gap = maxGap.Ticks / 10;
        var (first, last) = (_microseconds.Min(), _microseconds.Max());
        if (last - first <= gap)
        {
            return [Span(first, last)];
        }

        _microseconds.Sort();
        var spans = new List<(DateTimeOffset, DateTimeOffset)>();
        var start = _microseconds[0];
        var previous = start;
        foreach (var microseconds in _microseconds)
        {
            if (microseconds - previous > gap)
            {
                spans.Add(Span(start, previous));
                start = microseconds;
            }

            previous = microseconds;
        }

        spans.Add(Span(start, previous));
        return spans;
    }

    private static (DateTimeOffset From, DateTimeOffset To) Span(long first, long last) =>
        (WithMargin(first, -Margin), WithMargin(last, Margin));

    private static DateTimeOffset WithMargin(long microseconds, TimeSpan margin)
    {
        var ticks = Math.Clamp(microseconds * 10 + margin.Ticks, DateTimeOffset.MinValue.UtcTicks, DateTimeOffset.MaxValue.UtcTicks);
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }
}

namespace UrbanSensing.Analytics.Rain;

/// <summary>
/// A tipping-bucket rain gauge: every tip is one bucket of <see cref="ResolutionMm"/> millimetres of rain, recorded
/// at the time the bucket tipped.
/// </summary>
public sealed class TippingBucketGauge
{
    public TippingBucketGauge(double resolutionMm)
    {
        if (!double.IsFinite(resolutionMm) || resolutionMm <= 0 || resolutionMm > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(resolutionMm), resolutionMm, "A bucket resolution is in (0, 10] mm per tip (usually 0.1, 0.2 or 0.5).");
        }

        ResolutionMm = resolutionMm;
    }

    /// <summary>Millimetres of rain per tip.</summary>
    public double ResolutionMm { get; }

    /// <summary>
    /// The depth and mean intensity of each interval of length <paramref name="interval"/> from
    /// <paramref name="from"/> until <paramref name="to"/>; a tip at time t counts in the interval [start, start +
    /// interval) that holds t. Tips outside [from, to) are left out; a last interval shorter than the others is
    /// reported with its own length.
    /// </summary>
    /// <param name="tips">Tip times in order; two tips in the same second are allowed (heavy rain, coarse clock).</param>
    public IReadOnlyList<RainInterval> DepthSeries(IReadOnlyList<DateTimeOffset> tips, DateTimeOffset from, DateTimeOffset to, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(tips);
        RequireInOrder(tips, nameof(tips));
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "An interval is longer than zero.");
        }

        if (to <= from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, "The end of a series comes after its start.");
        }

        var series = new List<RainInterval>();
        var next = 0;
        while (next < tips.Count && tips[next] < from)
        {
            next++;
        }

        for (var start = from; start < to; start += interval)
        {
            var end = start + interval < to ? start + interval : to;
            var count = 0;
            while (next < tips.Count && tips[next] < end)
            {
                count++;
                next++;
            }

            var depth = count * ResolutionMm;
            series.Add(new RainInterval(start, end, depth, depth / (end - start).TotalHours));
        }

        return series;
    }

    /// <summary>Throws unless the tip times never go backwards.</summary>
    internal static void RequireInOrder(IReadOnlyList<DateTimeOffset> tips, string parameterName)
    {
        for (var i = 1; i < tips.Count; i++)
        {
            if (tips[i] < tips[i - 1])
            {
                throw new ArgumentException($"Tip times are in non-decreasing order; tip {i} ({tips[i]:O}) comes before tip {i - 1} ({tips[i - 1]:O}).", parameterName);
            }
        }
    }
}

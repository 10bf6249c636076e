namespace UrbanSensing.Analytics.Rain;

/// <summary>Splits a tip series into rain events and describes each (depth, intensities, antecedent dry period).</summary>
public sealed class RainEventDetector
{
    private readonly TippingBucketGauge _gauge;
    private readonly RainEventOptions _options;

    public RainEventDetector(TippingBucketGauge gauge, RainEventOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(gauge);
        _gauge = gauge;
        _options = options ?? new RainEventOptions();
    }

    public IReadOnlyList<RainEvent> Detect(IReadOnlyList<DateTimeOffset> tips)
    {
        ArgumentNullException.ThrowIfNull(tips);
        TippingBucketGauge.RequireInOrder(tips, nameof(tips));

        var events = new List<RainEvent>();
        var first = 0;
        for (var i = 1; i <= tips.Count; i++)
        {
            if (i == tips.Count || tips[i] - tips[i - 1] >= _options.MinimumInterEventTime)
            {
                if (first < tips.Count)
                {
                    var previousEnd = events.Count == 0 ? (DateTimeOffset?)null : events[^1].End;
                    events.Add(Describe(tips, first, i, previousEnd));
                }

                first = i;
            }
        }

        return events;
    }

    private RainEvent Describe(IReadOnlyList<DateTimeOffset> tips, int first, int endExclusive, DateTimeOffset? previousEnd)
    {
        var start = tips[first];
        var end = tips[endExclusive - 1];
        var count = endExclusive - first;
        var depth = count * _gauge.ResolutionMm;
        var hours = (end - start).TotalHours;
        var peaks = _options.PeakDurations.Select(d => Peak(tips, first, endExclusive, d)).ToList();
        return new RainEvent(
            start,
            end,
            count,
            depth,
            hours > 0 ? depth / hours : null,
            peaks,
            previousEnd is { } before ? (start - before).TotalDays : null);
    }

    /// <summary>
    /// The most tips in any window (t − duration, t] ending on a tip; no other window holds more, since sliding a
    /// window forward until its end meets a tip loses none. Two pointers, linear in the tips of the event.
    /// </summary>
    private PeakIntensity Peak(IReadOnlyList<DateTimeOffset> tips, int first, int endExclusive, TimeSpan duration)
    {
        var best = 0;
        var bestEnd = tips[first];
        var tail = first;
        for (var head = first; head < endExclusive; head++)
        {
            while (tips[tail] <= tips[head] - duration)
            {
                tail++;
            }

            var count = head - tail + 1;
            if (count > best)
            {
                best = count;
                bestEnd = tips[head];
            }
        }

        var depth = best * _gauge.ResolutionMm;
        return new PeakIntensity(duration, depth, depth / duration.TotalHours, bestEnd);
    }
}

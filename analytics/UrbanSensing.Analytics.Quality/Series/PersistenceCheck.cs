using UrbanSensing.Protocol;
namespace UrbanSensing.Analytics.Quality.Series;

/// <summary>
/// Flags a stuck sensor: every reading of a stretch whose values all lie within <see cref="Tolerance"/> of each other
/// (largest minus smallest) while its first and last readings are more than <see cref="MaximumDuration"/> apart.
/// A stretch exactly as long as the maximum passes.
/// </summary>
public sealed class PersistenceCheck
{
    public PersistenceCheck(double tolerance, TimeSpan maximumDuration)
    {
        SeriesInput.RequireNonNegative(tolerance, nameof(tolerance));
        SeriesInput.RequirePositive(maximumDuration, nameof(maximumDuration));
        Tolerance = tolerance;
        MaximumDuration = maximumDuration;
    }

    /// <summary>The spread of values, in the quantity's unit, that still counts as unchanged.</summary>
    public double Tolerance { get; }

    /// <summary>How long values may stay unchanged before the stretch is flagged.</summary>
    public TimeSpan MaximumDuration { get; }

    /// <exception cref="ArgumentException">A value is not finite, or timestamps are not strictly increasing.</exception>
    public IReadOnlyList<QcResult> Check(IReadOnlyList<SeriesReading> readings)
    {
        SeriesInput.Validate(readings, nameof(readings));
        var flags = new QualityFlags[readings.Count];

        // For each end, the earliest start whose stretch stays within the tolerance; the start only moves forward, and
        // two monotonic queues of indices keep the stretch's minimum and maximum at their heads.
        var minima = new LinkedList<int>();
        var maxima = new LinkedList<int>();
        var start = 0;
        var flaggedUpTo = -1;
        for (var end = 0; end < readings.Count; end++)
        {
            var value = readings[end].Value;
            while (minima.Count > 0 && readings[minima.Last!.Value].Value >= value)
            {
                minima.RemoveLast();
            }

            minima.AddLast(end);
            while (maxima.Count > 0 && readings[maxima.Last!.Value].Value <= value)
            {
                maxima.RemoveLast();
            }

            maxima.AddLast(end);
            while (readings[maxima.First!.Value].Value - readings[minima.First!.Value].Value > Tolerance)
            {
                start++;
                if (minima.First.Value < start)
                {
                    minima.RemoveFirst();
                }

                if (maxima.First.Value < start)
                {
                    maxima.RemoveFirst();
                }
            }

            if (readings[end].Timestamp - readings[start].Timestamp > MaximumDuration)
            {
                for (var i = Math.Max(start, flaggedUpTo + 1); i <= end; i++)
                {
                    flags[i] = QualityFlags.Persistence;
                }

                flaggedUpTo = end;
            }
        }

        return Array.ConvertAll(flags, flag => new QcResult(flag));
    }
}

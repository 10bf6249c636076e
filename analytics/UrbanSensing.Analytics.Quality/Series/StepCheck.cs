using UrbanSensing.Protocol;
namespace UrbanSensing.Analytics.Quality.Series;

/// <summary>
/// Flags a reading that differs from the one before by more than <see cref="MaximumStep"/>, when the two are no more
/// than <see cref="MaximumGap"/> apart (over a longer gap a large change is plausible). A jump that the next reading
/// undoes, in the opposite direction and again beyond the limit within the gap, is a spike: the jumping reading gets
/// <see cref="QualityFlags.Spike"/> as well, and the reading that returns to the level before is not flagged.
/// </summary>
public sealed class StepCheck
{
    public StepCheck(double maximumStep, TimeSpan maximumGap)
    {
        SeriesInput.RequireNonNegative(maximumStep, nameof(maximumStep));
        SeriesInput.RequirePositive(maximumGap, nameof(maximumGap));
        MaximumStep = maximumStep;
        MaximumGap = maximumGap;
    }

    /// <summary>The largest absolute change between consecutive readings that passes, in the quantity's unit.</summary>
    public double MaximumStep { get; }

    /// <summary>The longest time between consecutive readings over which their change is judged.</summary>
    public TimeSpan MaximumGap { get; }

    /// <exception cref="ArgumentException">A value is not finite, or timestamps are not strictly increasing.</exception>
    public IReadOnlyList<QcResult> Check(IReadOnlyList<SeriesReading> readings)
    {
        SeriesInput.Validate(readings, nameof(readings));
        var flags = new QualityFlags[readings.Count];
        for (var i = 1; i < readings.Count; i++)
        {
            var change = JumpFrom(readings, i - 1);
            if (change == 0)
            {
                continue;
            }

            flags[i] |= QualityFlags.Step;
            var back = i + 1 < readings.Count ? JumpFrom(readings, i) : 0;
            if (back != 0 && Math.Sign(back) != Math.Sign(change))
            {
                flags[i] |= QualityFlags.Spike;
                i++;
            }
        }

        return Array.ConvertAll(flags, flag => new QcResult(flag));
    }

    /// <summary>The change from reading <paramref name="from"/> to the next when it counts as a step, else 0.</summary>
    private double JumpFrom(IReadOnlyList<SeriesReading> readings, int from)
    {
        var current = readings[from];
        var next = readings[from + 1];
        var change = next.Value - current.Value;
        return next.Timestamp - current.Timestamp <= MaximumGap && Math.Abs(change) > MaximumStep ? change : 0;
    }
}

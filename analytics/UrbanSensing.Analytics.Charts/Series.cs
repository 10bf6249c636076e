using System.Globalization;

namespace UrbanSensing.Analytics.Charts;

/// <summary>
/// One named series of a chart (a site, a district, a gauge). A missing reading is left out, never given as NaN: a
/// line breaks where two consecutive points are more than 1.5 <see cref="Step"/> apart, so an hourly series breaks at
/// a missing hour whatever the jitter of its timestamps.
/// </summary>
public sealed class Series
{
    /// <exception cref="ArgumentException">The name is blank, a value is NaN or infinite, or the times do not strictly increase.</exception>
    public Series(string name, IEnumerable<TimePoint> points)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(points);
        var copied = points.ToArray();
        for (var i = 0; i < copied.Length; i++)
        {
            if (!double.IsFinite(copied[i].Value))
            {
                throw new ArgumentException(
                    $"Series '{name}' has the value {copied[i].Value.ToString(CultureInfo.InvariantCulture)} at {copied[i].Time:O}; values must be finite: leave a missing reading out and the line breaks there.",
                    nameof(points));
            }

            if (i > 0 && copied[i].Time <= copied[i - 1].Time)
            {
                throw new ArgumentException(
                    $"Series '{name}' has {copied[i].Time:O} after {copied[i - 1].Time:O}; times must strictly increase.",
                    nameof(points));
            }
        }

        Name = name;
        Points = copied;
    }

    /// <summary>The legend's text.</summary>
    public string Name { get; }

    /// <summary>The points in time order.</summary>
    public IReadOnlyList<TimePoint> Points { get; }

    /// <summary>The line or bar colour; by default the next colour of a palette for colour-blind readers.</summary>
    public ChartColor? Color { get; init; }

    /// <summary>
    /// The series' regular spacing (an hour for hourly means): a line breaks across a gap longer than 1.5 steps, and
    /// a bar is one step wide. By default the median spacing of the points.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The step is zero or negative.</exception>
    public TimeSpan? Step
    {
        get;
        init
        {
            if (value <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(Step), value, $"Series '{Name}': the step must be positive.");
            }

            field = value;
        }
    }

    /// <summary><see cref="Step"/>, or the median spacing; null for a series of fewer than two points without one.</summary>
    internal TimeSpan? EffectiveStep
    {
        get
        {
            if (Step is { } step)
            {
                return step;
            }

            if (Points.Count < 2)
            {
                return null;
            }

            var spacings = new TimeSpan[Points.Count - 1];
            for (var i = 1; i < Points.Count; i++)
            {
                spacings[i - 1] = Points[i].Time - Points[i - 1].Time;
            }

            Array.Sort(spacings);
            return spacings[spacings.Length / 2];
        }
    }
}

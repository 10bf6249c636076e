namespace UrbanSensing.Analytics.Rain;

/// <summary>How tips are grouped into events and which peak intensities are computed.</summary>
public sealed record RainEventOptions
{
    private readonly TimeSpan _minimumInterEventTime = TimeSpan.FromHours(6);
    private readonly IReadOnlyList<TimeSpan> _peakDurations =
        [TimeSpan.FromMinutes(6), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(60)];

    /// <summary>
    /// A dry gap at least this long between two tips ends one event and starts the next (6 h by default, the value
    /// most used for urban drainage; 1 h to 24 h are found in the literature).
    /// </summary>
    public TimeSpan MinimumInterEventTime
    {
        get => _minimumInterEventTime;
        init
        {
            if (value <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(MinimumInterEventTime), value, "A minimum inter-event time is longer than zero.");
            }

            _minimumInterEventTime = value;
        }
    }

    /// <summary>Window lengths of the peak intensities: 6, 15, 30 and 60 min by default (the Météo-France steps).</summary>
    public IReadOnlyList<TimeSpan> PeakDurations
    {
        get => _peakDurations;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.Count == 0 || value.Any(d => d <= TimeSpan.Zero))
            {
                throw new ArgumentOutOfRangeException(nameof(PeakDurations), string.Join(", ", value), "Peak durations are one or more spans longer than zero.");
            }

            _peakDurations = [.. value];
        }
    }
}

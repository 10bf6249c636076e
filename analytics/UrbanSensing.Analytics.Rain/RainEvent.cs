namespace UrbanSensing.Analytics.Rain;

/// <summary>One rain event: tips with no dry gap as long as the minimum inter-event time between them.</summary>
/// <param name="Start">Time of the first tip.</param>
/// <param name="End">Time of the last tip.</param>
/// <param name="DepthMm">Total depth, mm.</param>
/// <param name="MeanIntensityMmPerHour">Depth over duration, mm/h; null for an event of one instant (a single tip, or tips in the same second), whose duration is zero.</param>
/// <param name="Peaks">The moving-window maximum for each duration asked for, in the order asked.</param>
/// <param name="AntecedentDryPeriodDays">Days from the end of the previous event to the start of this one; null for the first event of a series, whose predecessor is unknown.</param>
public sealed record RainEvent(
    DateTimeOffset Start,
    DateTimeOffset End,
    int TipCount,
    double DepthMm,
    double? MeanIntensityMmPerHour,
    IReadOnlyList<PeakIntensity> Peaks,
    double? AntecedentDryPeriodDays)
{
    public TimeSpan Duration => End - Start;

    /// <summary>The peak over <paramref name="duration"/>; throws if that duration was not asked for.</summary>
    public PeakIntensity PeakOver(TimeSpan duration) =>
        Peaks.FirstOrDefault(p => p.Duration == duration)
        ?? throw new ArgumentOutOfRangeException(nameof(duration), duration, $"Peaks were computed for {string.Join(", ", Peaks.Select(p => p.Duration))} only.");
}

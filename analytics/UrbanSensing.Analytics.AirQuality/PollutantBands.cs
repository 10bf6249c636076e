namespace UrbanSensing.Analytics.AirQuality;

/// <summary>The bands of one pollutant in one table, contiguous from 0 upwards, and the statistic they apply to.</summary>
public sealed class PollutantBands
{
    internal PollutantBands(Pollutant pollutant, AveragingPeriod averaging, BoundaryRule boundaryRule, IReadOnlyList<BandRange> ranges)
    {
        Pollutant = pollutant;
        Averaging = averaging;
        BoundaryRule = boundaryRule;
        Ranges = ranges;
    }

    public Pollutant Pollutant { get; }

    /// <summary>The statistic the concentration must be before it is rated (e.g. the daily mean for PM in ATMO).</summary>
    public AveragingPeriod Averaging { get; }

    public BoundaryRule BoundaryRule { get; }

    public IReadOnlyList<BandRange> Ranges { get; }

    /// <exception cref="ArgumentOutOfRangeException">The concentration is negative, NaN or infinite.</exception>
    public AirQualityBand Classify(double concentration)
    {
        Concentration.EnsureValid(concentration, nameof(concentration));
        foreach (var range in Ranges)
        {
            if (range.To is not { } to || (BoundaryRule == BoundaryRule.UpperBoundInclusive ? concentration <= to : concentration < to))
            {
                return range.Band;
            }
        }

        // Unreachable: the loader requires the top band to be open.
        throw new InvalidOperationException($"The bands of {Pollutant} have no open top band.");
    }
}

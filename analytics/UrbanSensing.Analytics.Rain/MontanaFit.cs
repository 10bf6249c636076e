namespace UrbanSensing.Analytics.Rain;

/// <summary>
/// One Montana fit as Météo-France sells them: coefficients for one return period, valid between two durations
/// (e.g. 6 min to 30 min, or 30 min to 6 h); outside that range they say nothing.
/// </summary>
public sealed record MontanaFit
{
    public MontanaFit(double returnPeriodYears, double minDurationMinutes, double maxDurationMinutes, MontanaCoefficients coefficients)
    {
        if (!double.IsFinite(returnPeriodYears) || returnPeriodYears <= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(returnPeriodYears), returnPeriodYears, "A return period is a finite number of years above 1.");
        }

        if (!double.IsFinite(minDurationMinutes) || minDurationMinutes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(minDurationMinutes), minDurationMinutes, "The shortest fitted duration is a finite number of minutes above zero.");
        }

        if (!double.IsFinite(maxDurationMinutes) || maxDurationMinutes <= minDurationMinutes)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDurationMinutes), maxDurationMinutes, $"The longest fitted duration is finite and above the shortest ({minDurationMinutes} min).");
        }

        ArgumentNullException.ThrowIfNull(coefficients);
        ReturnPeriodYears = returnPeriodYears;
        MinDurationMinutes = minDurationMinutes;
        MaxDurationMinutes = maxDurationMinutes;
        Coefficients = coefficients;
    }

    public double ReturnPeriodYears { get; }

    public double MinDurationMinutes { get; }

    public double MaxDurationMinutes { get; }

    public MontanaCoefficients Coefficients { get; }

    public bool Covers(double durationMinutes) => durationMinutes >= MinDurationMinutes && durationMinutes <= MaxDurationMinutes;
}

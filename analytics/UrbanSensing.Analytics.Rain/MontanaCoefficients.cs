namespace UrbanSensing.Analytics.Rain;

/// <summary>
/// Montana coefficients in the Météo-France convention: depth h(t) = a · t^(1−b) in mm for a duration t in minutes,
/// so that the mean intensity is a · t^(−b) in mm/min, or i(t) = 60 · a · t^(−b) in mm/h (Météo-France's
/// a′ = 60 a, b′ = b). Coefficients given as a′ for mm/h must be divided by 60 before they come here.
/// </summary>
public sealed record MontanaCoefficients
{
    public MontanaCoefficients(double a, double b)
    {
        if (!double.IsFinite(a) || a <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(a), a, "Montana a is a finite number above zero (mm/min^(1−b), Météo-France convention).");
        }

        if (!double.IsFinite(b) || b <= 0 || b >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(b), b, "Montana b is in (0, 1): depth grows with duration while intensity falls.");
        }

        A = a;
        B = b;
    }

    public double A { get; }

    public double B { get; }

    /// <summary>h(t) = a · t^(1−b), mm.</summary>
    public double DepthMm(double durationMinutes) => A * Math.Pow(RequireDuration(durationMinutes), 1 - B);

    /// <summary>i(t) = 60 · a · t^(−b), mm/h.</summary>
    public double IntensityMmPerHour(double durationMinutes) => 60 * A * Math.Pow(RequireDuration(durationMinutes), -B);

    private static double RequireDuration(double durationMinutes) =>
        double.IsFinite(durationMinutes) && durationMinutes > 0
            ? durationMinutes
            : throw new ArgumentOutOfRangeException(nameof(durationMinutes), durationMinutes, "A duration is a finite number of minutes above zero.");
}

namespace UrbanSensing.Analytics.Statistics;

/// <summary>Student's t distribution: R's pt and qt, which CrowdQC+ m5 (and m2 on request) take cut-offs from.</summary>
public static class StudentTDistribution
{
    /// <summary>P(T ≤ t) = 1 − ½ I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0, symmetric below.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="degreesOfFreedom"/> is not positive.</exception>
    public static double Cumulative(double t, double degreesOfFreedom)
    {
        RequirePositive(degreesOfFreedom);
        var tail = 0.5 * SpecialFunctions.RegularisedBeta(degreesOfFreedom / 2, 0.5, degreesOfFreedom / (degreesOfFreedom + (t * t)));
        return t < 0 ? tail : 1 - tail;
    }

    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="probability"/> is not strictly between 0 and 1, or <paramref name="degreesOfFreedom"/> is not positive.
    /// </exception>
    public static double Quantile(double probability, double degreesOfFreedom)
    {
        Probabilities.RequireOpenUnit(probability, nameof(probability));
        RequirePositive(degreesOfFreedom);
        return QuantileSearch.Invert(t => Cumulative(t, degreesOfFreedom), probability);
    }

    private static void RequirePositive(double degreesOfFreedom)
    {
        if (!(degreesOfFreedom > 0) || double.IsInfinity(degreesOfFreedom))
        {
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "Degrees of freedom must be a finite number above 0.");
        }
    }
}

namespace UrbanSensing.Analytics.Statistics;

/// <summary>
/// The standard normal distribution: R's pnorm and qnorm, which CrowdQC+ m2 takes its cut-offs from, and the two-sided
/// p-value of a z-score (Getis-Ord Gi* hot spots).
/// </summary>
public static class NormalDistribution
{
    /// <summary>Φ(x) = ½ erfc(−x/√2), with erfc(z) = Q(½, z²) for z ≥ 0.</summary>
    public static double Cumulative(double x)
    {
        var tail = 0.5 * SpecialFunctions.UpperRegularisedGamma(0.5, x * x / 2);
        return x < 0 ? tail : 1 - tail;
    }

    /// <summary>P(|Z| ≥ |z|) = erfc(|z|/√2) = Q(½, z²/2), computed as the tail itself so that small p-values keep their digits.</summary>
    public static double TwoSidedPValue(double z) =>
        double.IsNaN(z) ? double.NaN : Math.Min(1, SpecialFunctions.UpperRegularisedGamma(0.5, z * z / 2));

    /// <summary>Φ⁻¹(p).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is not strictly between 0 and 1.</exception>
    public static double Quantile(double probability)
    {
        Probabilities.RequireOpenUnit(probability, nameof(probability));
        return QuantileSearch.Invert(Cumulative, probability);
    }
}

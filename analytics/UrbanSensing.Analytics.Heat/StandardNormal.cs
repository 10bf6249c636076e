namespace UrbanSensing.Analytics.Heat;

/// <summary>
/// The standard normal distribution through the complementary error function: Φ(z) = erfc(−z/√2) / 2. erfc is
/// Numerical Recipes' Chebyshev fit "erfcc" (Press, Teukolsky, Vetterling and Flannery, 1992: Numerical Recipes in
/// C, 2nd ed., §6.2), whose fractional error is below 1.2 × 10⁻⁷ everywhere; being a relative error on erfc, it
/// keeps small tail probabilities accurate too.
/// </summary>
public static class StandardNormal
{
    /// <summary>P(Z ≤ z).</summary>
    public static double Cdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2.0));

    /// <summary>P(|Z| ≥ |z|), the two-sided p-value of a z-score.</summary>
    public static double TwoSidedPValue(double z) => Math.Min(1.0, Erfc(Math.Abs(z) / Math.Sqrt(2.0)));

    /// <summary>The complementary error function, erfc(x) = 1 − erf(x).</summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        var z = Math.Abs(x);
        var t = 1.0 / (1.0 + (0.5 * z));
        var polynomial = -1.26551223 + (t * (1.00002368 + (t * (0.37409196 + (t * (0.09678418 + (t * (-0.18628806
            + (t * (0.27886807 + (t * (-1.13520398 + (t * (1.48851587 + (t * (-0.82215223 + (t * 0.17087277)))))))))))))))));
        var result = t * Math.Exp((-z * z) + polynomial);
        return x >= 0 ? result : 2.0 - result;
    }
}

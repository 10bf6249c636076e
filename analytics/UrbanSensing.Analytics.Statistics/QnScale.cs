namespace UrbanSensing.Analytics.Statistics;

/// <summary>
/// The Qn robust scale estimator of Rousseeuw and Croux (1993, JASA 88(424), 1273–1283), as R's robustbase::Qn
/// computes it and CrowdQC+ calls it: the k-th smallest of the n(n−1)/2 distances |xᵢ − xⱼ| (i &lt; j), with
/// h = ⌊n/2⌋ + 1 and k = h(h−1)/2, times the consistency constant 1/(√2 Φ⁻¹(5/8)) = 2.21914 and a finite-sample
/// correction factor.
/// </summary>
/// <remarks>
/// The distances are all formed and selected from (O(n²) time and memory), not found with the O(n log n) algorithm of
/// the paper: a network hour has a few hundred stations at most, about 45,000 distances, and the naive form is the one
/// that is obviously right. robustbase's finite-sample factors: for n ≤ 12 multiply by a tabled factor (simulated by
/// M. Maechler; n = 2 is exact, √π/2 / 2.21914), for n &gt; 12 divide by 1 + (1.60188 + (−2.1284 − 5.172/n)/n)/n (odd
/// n) or 1 + (3.67561 + (1.9654 + (6.987 − 77/n)/n)/n)/n (even n). The paper's 2.2219 and its older factors are what
/// robustbase keeps as Qn.old; CrowdQC+ calls Qn, so this is Qn.
/// </remarks>
public static class QnScale
{
    /// <summary>1/(√2 Φ⁻¹(5/8)) to the digits robustbase uses.</summary>
    public const double ConsistencyConstant = 2.21914;

    private static readonly double[] SmallSampleFactors =
        [0.399356, 0.99365, 0.51321, 0.84401, 0.61220, 0.85877, 0.66993, 0.87344, 0.72014, 0.88906, 0.75743];

    /// <summary>Qn with the consistency constant and robustbase's finite-sample correction; 0 for one value.</summary>
    /// <exception cref="ArgumentException">No values, or a value that is not finite.</exception>
    public static double Estimate(ReadOnlySpan<double> values)
    {
        var raw = KthPairwiseDistance(values);
        var n = values.Length;
        if (n == 1)
        {
            return 0;
        }

        var scaled = ConsistencyConstant * raw;
        return n <= 12 ? scaled * SmallSampleFactors[n - 2] : scaled / LargeSampleCorrection(n);
    }

    /// <summary>The order statistic alone, without constant or correction (robustbase's Qn0).</summary>
    /// <exception cref="ArgumentException">No values, or a value that is not finite.</exception>
    public static double KthPairwiseDistance(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("Qn needs at least one value.", nameof(values));
        }

        foreach (var value in values)
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentException($"Qn takes finite values only; got {value}.", nameof(values));
            }
        }

        var n = values.Length;
        if (n == 1)
        {
            return 0;
        }

        var distances = new double[n * (n - 1) / 2];
        var next = 0;
        for (var i = 0; i < n - 1; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                distances[next++] = Math.Abs(values[i] - values[j]);
            }
        }

        var h = (n / 2) + 1;
        var k = h * (h - 1) / 2;
        Array.Sort(distances);
        return distances[k - 1];
    }

    private static double LargeSampleCorrection(int n) =>
        n % 2 == 1
            ? 1 + ((1.60188 + ((-2.1284 - (5.172 / n)) / n)) / n)
            : 1 + ((3.67561 + ((1.9654 + ((6.987 - (77.0 / n)) / n)) / n)) / n);
}

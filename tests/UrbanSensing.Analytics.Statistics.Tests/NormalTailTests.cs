namespace UrbanSensing.Analytics.Statistics.Tests;

public sealed class NormalTailTests
{
    // Abramowitz, M. and Stegun, I. A., 1964: Handbook of Mathematical Functions, Table 26.1 (P(x)), to the digits
    // given there: P(1) = 0.8413447461, P(1.96) = 0.9750021049, P(3) = 0.9986501020; and 2.5758293035, the two-sided
    // 1 % critical value, for which P = 0.995.
    [Theory]
    [InlineData(1.0, 0.8413447461)]
    [InlineData(1.96, 0.9750021049)]
    [InlineData(3.0, 0.9986501020)]
    [InlineData(2.5758293035489, 0.995)]
    [InlineData(0.0, 0.5)]
    public void Cdf_TabulatedArguments_MatchesAbramowitzAndStegun(double z, double expected)
    {
        Assert.Equal(expected, NormalDistribution.Cumulative(z), 1e-7);
        Assert.Equal(1 - expected, NormalDistribution.Cumulative(-z), 1e-7);
    }

    [Fact]
    public void TwoSidedPValue_196_Is005()
    {
        // 2 × (1 − 0.9750021049) = 0.0499957902.
        Assert.Equal(0.0499957902, NormalDistribution.TwoSidedPValue(1.96), 1e-8);
        Assert.Equal(0.0499957902, NormalDistribution.TwoSidedPValue(-1.96), 1e-8);
    }

    [Fact]
    public void TwoSidedPValue_FarTail_KeepsItsRelativeAccuracy()
    {
        // P(|Z| >= 4·√2) = erfc(4) = 1.541725790e-8 (the C library's erfc, as Python's math.erfc returns it): 1 − Φ would lose it to rounding.
        Assert.Equal(1.541725790e-8, NormalDistribution.TwoSidedPValue(4.0 * Math.Sqrt(2)), 1.541725790e-8 * 1e-6);
    }
}

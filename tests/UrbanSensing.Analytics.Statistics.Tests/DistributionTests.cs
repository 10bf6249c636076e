namespace UrbanSensing.Analytics.Statistics.Tests;

public sealed class DistributionTests
{
    // NIST/SEMATECH e-Handbook of Statistical Methods, 1.3.6.7.1 (cumulative standard normal): z(0.95) = 1.645,
    // z(0.99) = 2.326, z(0.90) = 1.282; the cut-offs of CrowdQC+ m2 are qnorm(0.01) and qnorm(0.95).
    [Theory]
    [InlineData(0.95, 1.645)]
    [InlineData(0.01, -2.326)]
    [InlineData(0.10, -1.282)]
    [InlineData(0.50, 0.0)]
    public void NormalQuantile_TabledProbabilities_MatchesTable(double probability, double expected)
    {
        Assert.Equal(expected, NormalDistribution.Quantile(probability), 3);
    }

    // NIST/SEMATECH e-Handbook 1.3.6.7.2 (upper critical values of Student's t): t(0.95; 10) = 1.812,
    // t(0.95; 3) = 2.353, t(0.975; 1) = 12.706, t(0.95; 17) = 1.740.
    [Theory]
    [InlineData(0.95, 10, 1.812)]
    [InlineData(0.95, 3, 2.353)]
    [InlineData(0.05, 3, -2.353)]
    [InlineData(0.975, 1, 12.706)]
    [InlineData(0.95, 17, 1.740)]
    public void StudentTQuantile_TabledProbabilities_MatchesTable(double probability, double degreesOfFreedom, double expected)
    {
        Assert.Equal(expected, StudentTDistribution.Quantile(probability, degreesOfFreedom), 3);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Quantile_ProbabilityOutsideOpenUnitInterval_ThrowsNamingProbability(double probability)
    {
        Assert.Equal("probability", Assert.Throws<ArgumentOutOfRangeException>(() => NormalDistribution.Quantile(probability)).ParamName);
        Assert.Equal("probability", Assert.Throws<ArgumentOutOfRangeException>(() => StudentTDistribution.Quantile(probability, 5)).ParamName);
    }

    [Fact]
    public void StudentTQuantile_ZeroDegreesOfFreedom_ThrowsNamingThem()
    {
        Assert.Equal("degreesOfFreedom", Assert.Throws<ArgumentOutOfRangeException>(() => StudentTDistribution.Quantile(0.9, 0)).ParamName);
    }
}

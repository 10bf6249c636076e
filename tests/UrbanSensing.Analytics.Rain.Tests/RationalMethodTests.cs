namespace UrbanSensing.Analytics.Rain.Tests;

public sealed class RationalMethodTests
{
    [Fact]
    public void PeakFlowLitresPerSecond_OneMmPerHourOnOneHectare_Is2Point778()
    {
        // 1 mm/h on 10 000 m² = 10 m³/h = 10 000 l / 3600 s = 2.778 l/s: the factor of Q = 2.778 C i A.
        Assert.Equal(2.7778, RationalMethod.PeakFlowLitresPerSecond(1, 1, 1), 4);
    }

    [Fact]
    public void PeakFlowLitresPerSecond_UsCustomaryExample_MatchesQEqualsCiAInAcreInchesPerHour()
    {
        // US textbook form Q = C i A with i in in/h and A in acres gives acre-in/h ≈ cfs (exactly 1.008 cfs,
        // the factor FHWA HEC-22 rounds to 1). C = 0.5, i = 2 in/h = 50.8 mm/h, A = 10 acres = 4.0469 ha:
        // Q = 10 acre-in/h = 10 × 4046.856 m² × 0.0254 m / 3600 s = 0.28553 m³/s = 285.53 l/s (10.08 cfs).
        var flow = RationalMethod.PeakFlowLitresPerSecond(0.5, 50.8, 4.0468564224);

        Assert.Equal(285.53, flow, 2);
        Assert.Equal(10.08, flow / 28.316846592, 2);
    }

    [Fact]
    public void PeakFlowLitresPerSecond_ImperviousCourtyard_HandComputation()
    {
        // C = 0.9, i = 120 mm/h, A = 0.25 ha: 2.7778 × 0.9 × 120 × 0.25 = 75.0 l/s.
        Assert.Equal(75.0, RationalMethod.PeakFlowLitresPerSecond(0.9, 120, 0.25), 9);
    }

    [Theory]
    [InlineData(-0.1, 10, 1, "runoffCoefficient")]
    [InlineData(1.1, 10, 1, "runoffCoefficient")]
    [InlineData(0.5, -1, 1, "intensityMmPerHour")]
    [InlineData(0.5, 10, -1, "areaHectares")]
    [InlineData(0.5, 10, double.PositiveInfinity, "areaHectares")]
    public void PeakFlowLitresPerSecond_BadInput_ThrowsNamingTheParameter(double c, double i, double a, string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => RationalMethod.PeakFlowLitresPerSecond(c, i, a));

        Assert.Equal(parameter, error.ParamName);
    }
}

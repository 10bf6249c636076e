namespace UrbanSensing.Analytics.Rain.Tests;

public sealed class MethodeDesPluiesTests
{
    private static readonly IdfStation TenYears =
        new("ASTEE example", [new MontanaFit(10, 30, 360, new MontanaCoefficients(15.096, 0.803))]);

    [Fact]
    public void RequiredStorage_WorkedExample_MatchesTheHandComputation()
    {
        // Worked by hand. Montana T = 10 years, 30 min–6 h (ASTEE Mémento 2017 Tableau 31): a = 15.096, b = 0.803.
        // Ca = 0.8, A = 2 ha → active area Sa = 1.6 ha; qs = 20 l/s.
        // V(t) = 10 · 1.6 · 15.096 · t^0.197 − 0.06 · 20 · t = 241.536 t^0.197 − 1.2 t   (m³, t in min)
        // dV/dt = 0: 241.536 × 0.197 × t^−0.803 = 1.2 → t^−0.803 = 1.2 / 47.5826 = 0.025219
        //            → t* = exp(ln(39.652) / 0.803) = exp(3.6801 / 0.803) = exp(4.5829) = 97.8 min.
        // V(t*) = 241.536 × exp(0.197 × 4.5829) − 1.2 × 97.8 = 241.536 × 2.4666 − 117.4 = 595.8 − 117.4 = 478.4 m³.
        // Table check: V(60) = 469.1, V(90) = 478.1, V(100) = 478.4, V(120) = 476.3 m³ — the maximum is near 98 min.
        var result = MethodeDesPluies.RequiredStorage(TenYears, 10, 0.8, 2, 20);

        Assert.Equal(97.8, result.CriticalDurationMinutes, 1);
        Assert.Equal(478.4, result.VolumeM3, 1);
        // 478.4 m³ / (10 × 1.6) = 29.9 mm of storage per unit of active area.
        Assert.Equal(29.9, result.StorageDepthMm, 1);
        Assert.False(result.CriticalDurationAtLongestFit);
    }

    [Fact]
    public void RequiredStorage_SingleFit_AgreesWithDesbordesClosedForm()
    {
        // Desbordes (1974), as given in the ASTEE Mémento 2017 and the MISE 84 note on the méthode des pluies:
        // with q = qs / Sa as a depth rate (mm/min), t* = (a (1 − b) / q)^(1/b) and H_M = q t* b / (1 − b),
        // V = 10 Sa H_M. Here Sa = 0.6 × 5 = 3 ha, qs = 45 l/s → q = 0.06 × 45 / (10 × 3) = 0.09 mm/min.
        var (a, b, sa, q) = (20.219, 0.825, 3.0, 0.09);
        var critical = Math.Pow(a * (1 - b) / q, 1 / b);
        var depth = q * critical * b / (1 - b);
        var station = new IdfStation("T20", [new MontanaFit(20, 30, 360, new MontanaCoefficients(a, b))]);

        var result = MethodeDesPluies.RequiredStorage(station, 20, 0.6, 5, 45);

        Assert.Equal(critical, result.CriticalDurationMinutes, 6);
        Assert.Equal(depth, result.StorageDepthMm, 6);
        Assert.Equal(10 * sa * depth, result.VolumeM3, 6);
    }

    [Fact]
    public void RequiredStorage_TinyOutflow_FlagsThatTheMaximumLiesAtTheLongestFittedDuration()
    {
        // qs = 0.5 l/s: t* = (241.536 × 0.197 / 0.03)^(1/0.803) ≈ 9 700 min, far beyond 360 min.
        var result = MethodeDesPluies.RequiredStorage(TenYears, 10, 0.8, 2, 0.5);

        Assert.Equal(360, result.CriticalDurationMinutes);
        Assert.True(result.CriticalDurationAtLongestFit);
        // V(360) = 241.536 × 360^0.197 − 0.03 × 360 = 241.536 × 3.1885 − 10.8 = 759.3 m³.
        Assert.Equal(759.3, result.VolumeM3, 1);
    }

    [Fact]
    public void RequiredStorage_OutflowAboveEveryInflow_NeedsNoStorage()
    {
        var result = MethodeDesPluies.RequiredStorage(TenYears, 10, 0.8, 2, 10_000);

        Assert.Equal(0, result.VolumeM3);
    }

    [Fact]
    public void RequiredStorage_ShippedExample_UsesTheRequestedReturnPeriod()
    {
        var example = IdfStation.LilleLesquinExample();

        var tenYears = MethodeDesPluies.RequiredStorage(example, 10, 0.8, 2, 20);
        var hundredYears = MethodeDesPluies.RequiredStorage(example, 100, 0.8, 2, 20);

        Assert.Equal(478.4, tenYears.VolumeM3, 1);
        Assert.True(hundredYears.VolumeM3 > tenYears.VolumeM3);
    }

    [Theory]
    [InlineData(7, 0.8, 2, 20, "returnPeriodYears")]
    [InlineData(10, 0, 2, 20, "runoffCoefficient")]
    [InlineData(10, 1.2, 2, 20, "runoffCoefficient")]
    [InlineData(10, 0.8, 0, 20, "areaHectares")]
    [InlineData(10, 0.8, 2, 0, "outflowLitresPerSecond")]
    public void RequiredStorage_BadInput_ThrowsNamingTheParameter(double years, double ca, double area, double outflow, string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => MethodeDesPluies.RequiredStorage(TenYears, years, ca, area, outflow));

        Assert.Equal(parameter, error.ParamName);
    }
}

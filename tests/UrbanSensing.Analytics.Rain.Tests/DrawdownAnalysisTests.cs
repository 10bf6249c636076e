namespace UrbanSensing.Analytics.Rain.Tests;

public sealed class DrawdownAnalysisTests
{
    private static readonly DateTimeOffset Start = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Fills 0 → 300 mm in 1 h, falls at 20 mm/h for 10 h to 100 mm, then stays there 2 h; a reading every 15 min.</summary>
    private static List<LevelReading> SyntheticEvent()
    {
        var readings = new List<LevelReading>();
        for (var quarter = 0; quarter <= 13 * 4; quarter++)
        {
            var hours = quarter / 4.0;
            var level = hours <= 1 ? 300 * hours : hours <= 11 ? 300 - (20 * (hours - 1)) : 100;
            readings.Add(new LevelReading(Start.AddHours(hours), level));
        }

        return readings;
    }

    [Fact]
    public void Analyse_LinearFallAfterThePeak_RecoversTheRateAndComparesItWithTheDesign()
    {
        var result = DrawdownAnalysis.Analyse(SyntheticEvent(), designRateMmPerHour: 25);

        Assert.Equal(20, result.RateMmPerHour, 9);
        // 20 / 25 = 0.8: emptying slower than designed.
        Assert.Equal(0.8, result.RatioToDesign, 9);
        Assert.Equal(1, result.RSquared, 9);
        Assert.Equal(Start.AddHours(1), result.LimbStart);
        Assert.Equal(Start.AddHours(11), result.LimbEnd);
        Assert.Equal(41, result.PointsUsed);
    }

    [Fact]
    public void Analyse_AlternatingNoise_FitsTheLeastSquaresSlope()
    {
        // 200 − 10 t ± 2 mm alternating, hourly: over t = 0 … 4 h the residuals +2, −2, +2, −2, +2 shift the
        // least-squares slope by Σ(t − t̄) r / Σ(t − t̄)² = (−2·2 − 1·(−2) + 0 + 1·(−2) + 2·2) / 10 = 0, so the
        // fitted rate stays 10 mm/h while R² drops below 1.
        double[] residuals = [2, -2, 2, -2, 2];
        var readings = residuals.Select((r, h) => new LevelReading(Start.AddHours(h), 200 - (10 * h) + r)).ToList();

        var result = DrawdownAnalysis.Analyse(readings, 10);

        Assert.Equal(10, result.RateMmPerHour, 9);
        Assert.True(result.RSquared is > 0.9 and < 1);
    }

    [Fact]
    public void Analyse_TimesNotIncreasing_ThrowsNamingReadings()
    {
        LevelReading[] readings = [new(Start, 100), new(Start.AddHours(1), 90), new(Start.AddHours(1), 80)];

        var error = Assert.Throws<ArgumentException>(() => DrawdownAnalysis.Analyse(readings, 10));

        Assert.Equal("readings", error.ParamName);
        Assert.Contains("strictly increasing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyse_LevelStillRisingAtTheEnd_ThrowsForLackOfAFallingLimb()
    {
        LevelReading[] readings = [new(Start, 10), new(Start.AddHours(1), 20), new(Start.AddHours(2), 30)];

        Assert.Throws<ArgumentException>(() => DrawdownAnalysis.Analyse(readings, 10));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(double.NaN)]
    public void Analyse_DesignRateNotPositive_Throws(double design)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => DrawdownAnalysis.Analyse(SyntheticEvent(), design));

        Assert.Equal("designRateMmPerHour", error.ParamName);
    }
}

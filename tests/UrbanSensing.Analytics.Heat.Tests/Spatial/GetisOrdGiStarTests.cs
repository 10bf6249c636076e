using UrbanSensing.Analytics.Heat.Spatial;

namespace UrbanSensing.Analytics.Heat.Tests.Spatial;

public sealed class GetisOrdGiStarTests
{
    // Nine stations 0.01° apart along the equator (a = 1.111951 km between neighbours); a 1.5 km band makes the two
    // adjacent stations neighbours. Values 1, 2, 1, 2, 1, 2, 9, 10, 9.
    //   n = 9, Σx = 37, X̄ = 37/9 = 4.111111, Σx² = 277, S² = 277/9 − (37/9)² = 1124/81, S = 3.725123.
    // Ord and Getis (1995) Gi* = (Σⱼ wᵢⱼxⱼ − X̄ Σⱼ wᵢⱼ) / (S √((n Σⱼ wᵢⱼ² − (Σⱼ wᵢⱼ)²) / (n − 1))), j including i.
    //   Station 7 (10), binary, neighbours 6, 7, 8: Σwx = 28, Σw = Σw² = 3:
    //     (28 − 3 × 37/9) / (S √((27 − 9) / 8)) = 15.666667 / (3.725123 × 1.5) = 2.803785; p = 0.005051 → hot.
    //   Station 8 (9, at the end), neighbours 7, 8: Σwx = 19, Σw = Σw² = 2:
    //     (19 − 74/9) / (S √((18 − 4) / 8)) = 10.777778 / (3.725123 × 1.322876) = 2.187105; p = 0.028735 → hot.
    //   Station 1 (2), neighbours 0, 1, 2: Σwx = 4: (4 − 111/9) / 5.587685 = −1.491375; p = 0.135863 → not significant.
    private static readonly Station[] Line =
    [.. new double[] { 1, 2, 1, 2, 1, 2, 9, 10, 9 }.Select((value, index) => new Station($"s{index}", 0, index * 0.01, value))];

    [Fact]
    public void Analyze_BinaryBand_MatchesTheOrdAndGetisFormulaByHand()
    {
        var spots = new GetisOrdGiStar(new HotSpotOptions { DistanceBandKilometres = 1.5 }).Analyze(Line);

        Assert.Equal(2.803785, spots[7].ZScore, 6);
        Assert.Equal(0.005051, spots[7].PValue, 6);
        Assert.Equal(2.187105, spots[8].ZScore, 6);
        Assert.Equal(0.028735, spots[8].PValue, 6);
        Assert.Equal(-1.491375, spots[1].ZScore, 6);
        Assert.Equal((2, 1), (spots[7].Neighbours, spots[8].Neighbours));
        Assert.Equal(
            [HotSpotClass.NotSignificant, HotSpotClass.NotSignificant, HotSpotClass.NotSignificant, HotSpotClass.NotSignificant, HotSpotClass.NotSignificant, HotSpotClass.NotSignificant, HotSpotClass.NotSignificant, HotSpotClass.Hot, HotSpotClass.Hot],
            spots.Select(spot => spot.Class));
    }

    [Fact]
    public void Analyze_ValuesNegated_TurnsHotSpotsIntoColdSpots()
    {
        var negated = Line.Select(station => station with { Value = -station.Value }).ToArray();

        var spots = new GetisOrdGiStar(new HotSpotOptions { DistanceBandKilometres = 1.5 }).Analyze(negated);

        Assert.Equal(-2.803785, spots[7].ZScore, 6);
        Assert.Equal(HotSpotClass.Cold, spots[7].Class);
    }

    [Fact]
    public void Analyze_StricterSignificance_KeepsOnlyTheStrongerHotSpot()
    {
        // At α = 0.01, p = 0.028735 is no longer significant but p = 0.005051 still is.
        var spots = new GetisOrdGiStar(new HotSpotOptions { DistanceBandKilometres = 1.5, SignificanceLevel = 0.01 }).Analyze(Line);

        Assert.Equal((HotSpotClass.Hot, HotSpotClass.NotSignificant), (spots[7].Class, spots[8].Class));
    }

    [Fact]
    public void Analyze_InverseDistance_MatchesTheFormulaByHand()
    {
        // Station 7: wᵢᵢ = 1, neighbours 1/a = 0.899320 each. Σw = 2.798641, Σwx = 10 + 18/a = 26.187767,
        // Σw² = 1 + 2/a² = 2.617554. Numerator 26.187767 − 37/9 × 2.798641 = 14.682402;
        // √((9 × 2.617554 − 2.798641²) / 8) = √1.965708 = 1.402037; z = 14.682402 / (3.725123 × 1.402037) = 2.811209.
        var spots = new GetisOrdGiStar(new HotSpotOptions { DistanceBandKilometres = 1.5, Weighting = SpatialWeighting.InverseDistance }).Analyze(Line);

        Assert.Equal(2.811209, spots[7].ZScore, 6);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_BandNotPositive_ThrowsNamingTheBand(double band)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new GetisOrdGiStar(new HotSpotOptions { DistanceBandKilometres = band }));

        Assert.Equal("DistanceBandKilometres", exception.ParamName);
    }

    [Fact]
    public void Constructor_SignificanceOfOne_ThrowsNamingTheLevel()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new GetisOrdGiStar(new HotSpotOptions { DistanceBandKilometres = 1, SignificanceLevel = 1 }));

        Assert.Equal("SignificanceLevel", exception.ParamName);
    }

    [Fact]
    public void Analyze_AllValuesEqual_ThrowsNamingStations()
    {
        var flat = Line.Select(station => station with { Value = 20 }).ToArray();

        var exception = Assert.Throws<ArgumentException>(() => new GetisOrdGiStar(new HotSpotOptions { DistanceBandKilometres = 1.5 }).Analyze(flat));

        Assert.Equal("stations", exception.ParamName);
    }
}

using UrbanSensing.Registry;

namespace UrbanSensing.Analytics.Heat.Tests;

public sealed class ZoneContrastTests
{
    private static readonly Site[] Sites =
    [
        HeatIslandIntensityTests.Site("vieux-lille", "Vieux-Lille", LocalClimateZone.CompactMidrise, isReference: false),
        HeatIslandIntensityTests.Site("centre", "Lille-Centre", LocalClimateZone.CompactMidrise, isReference: false),
        HeatIslandIntensityTests.Site("fives", "Fives", LocalClimateZone.CompactLowRise, isReference: false),
        HeatIslandIntensityTests.Site("lesquin", "Lesquin", LocalClimateZone.LowPlants, isReference: false),
        HeatIslandIntensityTests.Site("citadelle", "Vauban-Esquermes", LocalClimateZone.ScatteredTrees, isReference: true),
    ];

    // Two hours. LCZ 2 mean: (26 + 24) / 2 = 25, then 23. LCZ 3: 22, then 21. LCZ D: 19, then 18. Reference (LCZ B): 20, then 19.
    private static readonly Dictionary<string, HourlySeries> Series = new()
    {
        ["vieux-lille"] = HeatIslandIntensityTests.Series((0, 26.0), (1, 23.0)),
        ["centre"] = HeatIslandIntensityTests.Series((0, 24.0), (1, 23.0)),
        ["fives"] = HeatIslandIntensityTests.Series((0, 22.0), (1, 21.0)),
        ["lesquin"] = HeatIslandIntensityTests.Series((0, 19.0), (1, 18.0)),
        ["citadelle"] = HeatIslandIntensityTests.Series((0, 20.0), (1, 19.0)),
    };

    [Fact]
    public void ByLocalClimateZone_ReferenceSites_GivesEachZoneMinusTheReference()
    {
        // LCZ 2: (5 + 4) / 2 = 4.5; LCZ 3: (2 + 2) / 2 = 2; LCZ D: (−1 − 1) / 2 = −1. The reference's own zone B is no group.
        var zones = ZoneContrast.ByLocalClimateZone(Sites, Series);

        Assert.Equal([("2", 2, 4.5), ("3", 1, 2.0), ("D", 1, -1.0)], zones.Select(zone => (zone.Group, zone.Sites, zone.MeanIntensity)));
    }

    [Fact]
    public void ByLocalClimateZone_ReferenceZoneD_GivesStewartAndOkeInterZoneDifferences()
    {
        // ΔT(2−D) = ((25 − 19) + (23 − 18)) / 2 = 5.5; ΔT(3−D) = ((22 − 19) + (21 − 18)) / 2 = 3.
        var zones = ZoneContrast.ByLocalClimateZone(Sites, Series, LocalClimateZone.LowPlants);

        Assert.Equal([("2", 5.5), ("3", 3.0)], zones.Select(zone => (zone.Group, zone.MeanIntensity)));
    }

    [Fact]
    public void ByDistrict_ReferenceSites_GivesEachDistrictMinusTheReference()
    {
        var districts = ZoneContrast.ByDistrict(Sites, Series);

        Assert.Equal(
            [("Fives", 2.0), ("Lesquin", -1.0), ("Lille-Centre", 4.0), ("Vieux-Lille", 5.0)],
            districts.Select(district => (district.Group, district.MeanIntensity)));
    }

    [Fact]
    public void ByLocalClimateZone_ZoneWithoutSeries_ThrowsNamingSeriesBySite()
    {
        var exception = Assert.Throws<ArgumentException>(() => ZoneContrast.ByLocalClimateZone(Sites, Series, LocalClimateZone.Water));

        Assert.Equal("seriesBySite", exception.ParamName);
    }
}

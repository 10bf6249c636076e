namespace UrbanSensing.Registry.Tests;

public sealed class LocalClimateZoneTests
{
    // Stewart, I. D. and Oke, T. R. (2012), Bulletin of the American Meteorological Society 93(12), figure 2.
    [Theory]
    [InlineData("1", "Compact high-rise", true)]
    [InlineData("2", "Compact midrise", true)]
    [InlineData("3", "Compact low-rise", true)]
    [InlineData("6", "Open low-rise", true)]
    [InlineData("10", "Heavy industry", true)]
    [InlineData("A", "Dense trees", false)]
    [InlineData("B", "Scattered trees", false)]
    [InlineData("D", "Low plants", false)]
    [InlineData("G", "Water", false)]
    public void TryParse_CodeOfThePaper_FindsTheZoneWithItsName(string code, string name, bool isBuilt)
    {
        Assert.True(LocalClimateZone.TryParse(code, out var zone));

        Assert.Equal((code, name, isBuilt), (zone.Code, zone.Name, zone.IsBuilt));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("11")]
    [InlineData("02")]
    [InlineData("a")]
    [InlineData("H")]
    [InlineData("LCZ 2")]
    [InlineData("")]
    public void TryParse_AnythingElse_IsFalse(string code)
    {
        Assert.False(LocalClimateZone.TryParse(code, out var zone));
        Assert.Null(zone);
    }

    [Fact]
    public void All_SeventeenZones_TenBuiltThenSevenLandCover()
    {
        Assert.Equal(17, LocalClimateZone.All.Count);
        Assert.Equal(17, LocalClimateZone.All.Select(zone => zone.Code).Distinct().Count());
        Assert.All(LocalClimateZone.All.Take(10), zone => Assert.True(zone.IsBuilt));
        Assert.All(LocalClimateZone.All.Skip(10), zone => Assert.False(zone.IsBuilt));
    }

    [Fact]
    public void ToString_Zone_GivesCodeAndName()
    {
        Assert.Equal("LCZ 2 (Compact midrise)", LocalClimateZone.CompactMidrise.ToString());
    }
}

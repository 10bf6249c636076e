using UrbanSensing.Registry;

namespace UrbanSensing.Analytics.Heat.Tests;

public sealed class HeatIslandIntensityTests
{
    private static readonly DateTimeOffset Midnight = new(2025, 7, 14, 22, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Hourly_HourMissingOnTheReferenceSide_LeavesThatHourOut()
    {
        var urban = Series((0, 25.0), (1, 24.0), (2, 23.0));
        var reference = Series((0, 21.0), (2, 20.5));

        var hourly = HeatIslandIntensity.Hourly([urban], [reference]);

        Assert.Equal([Midnight, Midnight.AddHours(2)], hourly.Select(hour => hour.Hour));
        Assert.Equal([4.0, 2.5], hourly.Select(hour => hour.Intensity));
    }

    [Fact]
    public void Hourly_TwoUrbanSites_SubtractsTheReferenceFromTheirMean()
    {
        // Hour 0: (26 + 24) / 2 − 20 = 5. Hour 1: only the first urban site reports, 23 − 19 = 4.
        var first = Series((0, 26.0), (1, 23.0));
        var second = Series((0, 24.0));
        var reference = Series((0, 20.0), (1, 19.0));

        var hourly = HeatIslandIntensity.Hourly([first, second], [reference]);

        Assert.Equal([(25.0, 20.0, 5.0), (23.0, 19.0, 4.0)], hourly.Select(hour => (hour.Urban, hour.Reference, hour.Intensity)));
    }

    [Fact]
    public void Hourly_EmptyReferenceSet_ThrowsNamingReference()
    {
        var exception = Assert.Throws<ArgumentException>(() => HeatIslandIntensity.Hourly([Series((0, 20.0))], []));

        Assert.Equal("reference", exception.ParamName);
    }

    [Fact]
    public void EachUrbanSite_RegistryWithOneReference_ComparesEveryUrbanSiteWithIt()
    {
        var sites = new[]
        {
            Site("centre", "Lille-Centre", LocalClimateZone.CompactMidrise, isReference: false),
            Site("fives", "Fives", LocalClimateZone.CompactLowRise, isReference: false),
            Site("citadelle", "Vauban-Esquermes", LocalClimateZone.ScatteredTrees, isReference: true),
        };
        var registry = new SensorRegistry(sites, []);
        var series = new Dictionary<string, HourlySeries>
        {
            ["centre"] = Series((0, 24.0)),
            ["fives"] = Series((0, 22.5)),
            ["citadelle"] = Series((0, 21.0)),
        };

        var bySite = HeatIslandIntensity.EachUrbanSite(registry, series);

        Assert.Equal(["centre", "fives"], bySite.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(3.0, Assert.Single(bySite["centre"]).Intensity);
        Assert.Equal(1.5, Assert.Single(bySite["fives"]).Intensity);
    }

    internal static HourlySeries Series(params (int Hour, double Celsius)[] hours) =>
        HourlySeries.FromReadings(hours.Select(hour => new TemperatureReading(Midnight.AddHours(hour.Hour), hour.Celsius)));

    internal static Site Site(string id, string district, LocalClimateZone zone, bool isReference) =>
        new(id, id, district, 50.63, 3.06, null, zone, 3.5, null, isReference);

    [Fact]
    public void Hourly_UrbanSitesTenYearsApart_MeansEachHourOverTheSitesThatHaveIt()
    {
        // A timeline from 2015 to 2025 would be far longer than the sites' hours: the series are merged instead.
        var first = HourlySeries.FromReadings([new(Midnight.AddYears(-10), 25.0), new(Midnight, 27.0)]);
        var second = HourlySeries.FromReadings([new(Midnight, 23.0)]);
        var reference = HourlySeries.FromReadings([new(Midnight.AddYears(-10), 21.0), new(Midnight, 20.0), new(Midnight.AddYears(1), 18.0)]);

        var hourly = HeatIslandIntensity.Hourly([first, second], [reference]);

        Assert.Equal([(Midnight.AddYears(-10), 25.0, 21.0), (Midnight, 25.0, 20.0)], hourly.Select(hour => (hour.Hour, hour.Urban, hour.Reference)));
    }
}

using UrbanSensing.Protocol;
using UrbanSensing.Simulator.Sites;

namespace UrbanSensing.Simulator.Tests.Sites;

public sealed class LilleSitesTests
{
    [Fact]
    public void All_CoversTheDistrictsAndParks()
    {
        string[] required =
        [
            "Vieux-Lille", "Lille-Centre", "Wazemmes", "Fives", "Moulins", "Lille-Sud", "Bois-Blancs", "Hellemmes", "Lomme",
        ];

        Assert.Superset(required.ToHashSet(), LilleSites.All.Select(site => site.District).ToHashSet());
        Assert.Contains(LilleSites.All, site => site.Name.StartsWith("Jardin des Plantes", StringComparison.Ordinal) && site.UrbanClass == UrbanClass.Park);
        Assert.Equal(3, LilleSites.All.Select(site => site.UrbanClass).Distinct().Count());
    }

    [Fact]
    public void All_SitesLieInLilleAndHaveUniqueValidIds()
    {
        Assert.All(LilleSites.All, site =>
        {
            Assert.InRange(site.Latitude, 50.60, 50.66);
            Assert.InRange(site.Longitude, 3.00, 3.13);
            Assert.True(Identifiers.IsValid(site.Id), site.Id);
        });
        Assert.Equal(LilleSites.All.Count, LilleSites.All.Select(site => site.Id).Distinct().Count());
    }

    [Fact]
    public void Reference_IsTheCitadelleParkAt50Point640North3Point044East()
    {
        var reference = LilleSites.Reference;

        Assert.Equal(UrbanClass.Park, reference.UrbanClass);
        Assert.Contains("Citadelle", reference.Name, StringComparison.Ordinal);
        Assert.Equal(50.640, reference.Latitude, 0.002);
        Assert.Equal(3.044, reference.Longitude, 0.002);
    }
}

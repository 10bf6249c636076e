using System.Buffers;
using System.Text;
using System.Text.Json;

namespace UrbanSensing.Registry.Tests;

public sealed class SitesGeoJsonTests
{
    [Fact]
    public void Write_Sites_IsAnRfc7946FeatureCollectionOfPointsLongitudeFirst()
    {
        var registry = ValidRegistry.Parse();

        using var document = JsonDocument.Parse(Write(registry.Sites));

        var root = document.RootElement;
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        var park = root.GetProperty("features")[1];
        Assert.Equal("Feature", park.GetProperty("type").GetString());
        Assert.Equal("Point", park.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal([3.0440, 50.6405, 21.5], park.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(value => value.GetDouble()));
        Assert.Equal("A", park.GetProperty("properties").GetProperty("lcz").GetString());
        Assert.True(park.GetProperty("properties").GetProperty("reference").GetBoolean());
        Assert.False(park.GetProperty("properties").TryGetProperty("surroundings", out _));
    }

    [Fact]
    public void Write_ThenParse_GivesTheSameSites()
    {
        var registry = ValidRegistry.Parse();

        var reread = ValidRegistry.Parse(sites: Encoding.UTF8.GetString(Write(registry.Sites)));

        Assert.Equal(registry.Sites, reread.Sites);
    }

    [Fact]
    public void Write_EveryZoneAndOptionalField_ParsesBackToTheSameSites()
    {
        var sites = LocalClimateZone.All.Select((zone, index) => new Site(
            $"site-{index}", $"Site {index}", "Lille-Centre", 50.6 + (index / 1000.0), 3.06, index % 2 == 0 ? null : index, zone, index % 5, index % 3 == 0 ? null : "Trees \"and\" walls", index % 4 == 0)).ToList();

        var reread = ValidRegistry.Parse(sites: Encoding.UTF8.GetString(Write(sites)), devices: """{ "devices": [] }""");

        Assert.Equal(sites, reread.Sites);
    }

    private static byte[] Write(IEnumerable<Site> sites)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output))
        {
            SitesGeoJson.Write(sites, writer);
        }

        return output.WrittenSpan.ToArray();
    }
}

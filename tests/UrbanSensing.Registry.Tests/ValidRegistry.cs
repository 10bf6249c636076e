using System.Text;

namespace UrbanSensing.Registry.Tests;

/// <summary>
/// A small valid registry laid out one field per line, so a test can break one line with a same-line replacement
/// and expect the error on that line.
/// </summary>
internal static class ValidRegistry
{
    public const string Sites = """
        {
          "type": "FeatureCollection",
          "features": [
            {
              "type": "Feature",
              "geometry": { "type": "Point", "coordinates": [3.0908, 50.6308] },
              "properties": {
                "id": "fives",
                "name": "Fives",
                "district": "Fives",
                "lcz": "3",
                "heightAboveGround": 3.5,
                "surroundings": "Brick terraces",
                "reference": false
              }
            },
            {
              "type": "Feature",
              "geometry": { "type": "Point", "coordinates": [3.0440, 50.6405, 21.5] },
              "properties": { "id": "parc-citadelle", "name": "Parc de la Citadelle", "district": "Vauban-Esquermes", "lcz": "A", "heightAboveGround": 3, "reference": true }
            }
          ]
        }
        """;

    public const string Devices = """
        {
          "devices": [
            {
              "id": "lille-0001",
              "site": "fives",
              "installed": "2025-03-01",
              "removed": "2025-09-15T14:30:00+02:00",
              "sensors": [
                {
                  "name": "sht31",
                  "quantities": ["air-temperature", "relative-humidity"],
                  "calibration": {
                    "air-temperature": { "factor": 1.0, "offset": -0.2, "note": "co-location" }
                  }
                },
                { "name": "rg", "quantities": ["rain-tips", "rainfall"] }
              ]
            },
            {
              "id": "lille-0002",
              "site": "parc-citadelle",
              "installed": "2025-03-02T08:00:00Z",
              "sensors": [
                { "name": "sht31", "quantities": ["air-temperature"], "calibration": { "air-temperature": { "factor": 1.02 } } }
              ]
            }
          ]
        }
        """;

    public static SensorRegistry Parse(string sites = Sites, string devices = Devices) =>
        RegistryLoader.Parse(Encoding.UTF8.GetBytes(sites), Encoding.UTF8.GetBytes(devices));

    public static RegistryException ParseInvalid(string sites = Sites, string devices = Devices) =>
        Assert.Throws<RegistryException>(() => Parse(sites, devices));

    /// <summary>Replaces text that must occur exactly once, so a test cannot silently break nothing.</summary>
    public static string ReplaceOnce(string text, string original, string replacement)
    {
        var first = text.IndexOf(original, StringComparison.Ordinal);
        Assert.True(first >= 0 && text.IndexOf(original, first + 1, StringComparison.Ordinal) < 0, $"'{original}' must occur once");
        return string.Concat(text.AsSpan(0, first), replacement, text.AsSpan(first + original.Length));
    }

    /// <summary>The 1-based line of the first occurrence of <paramref name="fragment"/>.</summary>
    public static int LineOf(string text, string fragment)
    {
        var index = text.IndexOf(fragment, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{fragment}' must occur");
        return text.AsSpan(0, index).Count('\n') + 1;
    }
}

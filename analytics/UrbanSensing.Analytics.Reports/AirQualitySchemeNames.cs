using UrbanSensing.Analytics.AirQuality;

namespace UrbanSensing.Analytics.Reports;

/// <summary>The names users give the air-quality indices, on the command line and in the API.</summary>
public static class AirQualitySchemeNames
{
    public const string Allowed = "eaqi (European Air Quality Index, 2024 revision), atmo (France, arrêté of 10 July 2020)";

    private static readonly Dictionary<string, AirQualityScheme> Schemes = new(StringComparer.Ordinal)
    {
        ["eaqi"] = AirQualityScheme.EuropeanAirQualityIndex,
        ["atmo"] = AirQualityScheme.Atmo,
    };

    public static bool TryParse(string? name, out AirQualityScheme scheme) => Schemes.TryGetValue(name ?? string.Empty, out scheme);
}

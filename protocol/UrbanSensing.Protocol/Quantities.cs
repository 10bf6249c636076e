using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace UrbanSensing.Protocol;

/// <summary>
/// The catalogue of quantities UrbanSensing devices publish, each in one SenML unit and with the range of values a
/// working sensor can report. The ranges, and where each comes from, are tabled in protocol/README.md.
/// </summary>
public static class Quantities
{
    public static readonly Quantity AirTemperature = new("air-temperature", "Cel", Domain.Air, "Air temperature", -50, 60);
    public static readonly Quantity RelativeHumidity = new("relative-humidity", "%RH", Domain.Air, "Relative humidity", 0, 100);
    public static readonly Quantity AirPressure = new("air-pressure", "Pa", Domain.Air, "Atmospheric pressure", 85_000, 110_000);
    public static readonly Quantity Pm25 = new("pm2.5", "ug/m3", Domain.Air, "Particulate matter below 2.5 µm", 0, 1_000);
    public static readonly Quantity Pm10 = new("pm10", "ug/m3", Domain.Air, "Particulate matter below 10 µm", 0, 1_000);
    public static readonly Quantity NitrogenDioxide = new("no2", "ug/m3", Domain.Air, "Nitrogen dioxide", 0, 2_000);
    public static readonly Quantity Ozone = new("o3", "ug/m3", Domain.Air, "Ozone", 0, 1_200);
    public static readonly Quantity SulphurDioxide = new("so2", "ug/m3", Domain.Air, "Sulphur dioxide", 0, 2_500);
    public static readonly Quantity CarbonDioxide = new("co2", "ppm", Domain.Air, "Carbon dioxide", 300, 10_000);
    public static readonly Quantity RainGaugeTips = new("rain-tips", "count", Domain.Rain, "Tipping-bucket rain gauge tips", 0, 10_000);
    public static readonly Quantity RainfallDepth = new("rainfall", "mm", Domain.Rain, "Rainfall depth", 0, 500);
    public static readonly Quantity WaterLevel = new("water-level", "m", Domain.Water, "Water level", -10, 100);
    public static readonly Quantity WaterTemperature = new("water-temperature", "Cel", Domain.Water, "Water temperature", -5, 50);
    public static readonly Quantity SurfaceTemperature = new("surface-temperature", "Cel", Domain.Surface, "Surface temperature", -60, 90);

    // Derived by the continuous analytics from a device's hourly air temperature and humidity (a device may send them too).
    public static readonly Quantity DewPoint = new("dew-point", "Cel", Domain.Air, "Dew point", -80, 60);
    public static readonly Quantity HeatIndex = new("heat-index", "Cel", Domain.Air, "NWS heat index", -60, 150);
    public static readonly Quantity Humidex = new("humidex", "Cel", Domain.Air, "Humidex (Environment Canada)", -60, 150);

    public static IReadOnlyList<Quantity> All { get; } =
    [
        AirTemperature, RelativeHumidity, AirPressure, Pm25, Pm10, NitrogenDioxide, Ozone, SulphurDioxide, CarbonDioxide,
        RainGaugeTips, RainfallDepth, WaterLevel, WaterTemperature, SurfaceTemperature, DewPoint, HeatIndex, Humidex,
    ];

    private static readonly FrozenDictionary<string, Quantity> ByName =
        All.ToFrozenDictionary(quantity => quantity.Name, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Quantity>.AlternateLookup<ReadOnlySpan<char>> ByNameSpan =
        ByName.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool TryGet(string name, [NotNullWhen(true)] out Quantity? quantity) =>
        ByName.TryGetValue(name, out quantity);

    /// <summary>Looks a name up without making a string of it, for decoders that read names out of a buffer.</summary>
    public static bool TryGet(ReadOnlySpan<char> name, [NotNullWhen(true)] out Quantity? quantity) =>
        ByNameSpan.TryGetValue(name, out quantity);

    public static string KnownNames => string.Join(", ", All.Select(quantity => quantity.Name));
}

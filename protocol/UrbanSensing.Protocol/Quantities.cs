using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace UrbanSensing.Protocol;

/// <summary>The catalogue of quantities UrbanSensing devices publish, each in one SenML unit.</summary>
public static class Quantities
{
    public static readonly Quantity AirTemperature = new("air-temperature", "Cel", Domain.Air, "Air temperature");
    public static readonly Quantity RelativeHumidity = new("relative-humidity", "%RH", Domain.Air, "Relative humidity");
    public static readonly Quantity AirPressure = new("air-pressure", "Pa", Domain.Air, "Atmospheric pressure");
    public static readonly Quantity Pm25 = new("pm2.5", "ug/m3", Domain.Air, "Particulate matter below 2.5 µm");
    public static readonly Quantity Pm10 = new("pm10", "ug/m3", Domain.Air, "Particulate matter below 10 µm");
    public static readonly Quantity NitrogenDioxide = new("no2", "ug/m3", Domain.Air, "Nitrogen dioxide");
    public static readonly Quantity CarbonDioxide = new("co2", "ppm", Domain.Air, "Carbon dioxide");
    public static readonly Quantity RainGaugeTips = new("rain-tips", "count", Domain.Rain, "Tipping-bucket rain gauge tips");
    public static readonly Quantity RainfallDepth = new("rainfall", "mm", Domain.Rain, "Rainfall depth");
    public static readonly Quantity WaterLevel = new("water-level", "m", Domain.Water, "Water level");
    public static readonly Quantity WaterTemperature = new("water-temperature", "Cel", Domain.Water, "Water temperature");
    public static readonly Quantity SurfaceTemperature = new("surface-temperature", "Cel", Domain.Surface, "Surface temperature");

    public static IReadOnlyList<Quantity> All { get; } =
    [
        AirTemperature, RelativeHumidity, AirPressure, Pm25, Pm10, NitrogenDioxide, CarbonDioxide,
        RainGaugeTips, RainfallDepth, WaterLevel, WaterTemperature, SurfaceTemperature,
    ];

    private static readonly FrozenDictionary<string, Quantity> ByName =
        All.ToFrozenDictionary(quantity => quantity.Name, StringComparer.Ordinal);

    public static bool TryGet(string name, [NotNullWhen(true)] out Quantity? quantity) =>
        ByName.TryGetValue(name, out quantity);

    public static string KnownNames => string.Join(", ", All.Select(quantity => quantity.Name));
}

namespace UrbanSensing.Analytics.Comfort;

/// <summary>A humidex and its Environment Canada comfort range.</summary>
/// <param name="Value">Nominally dimensionless, read as degrees Celsius; not rounded.</param>
public readonly record struct HumidexResult(double Value, HumidexCategory Category)
{
    /// <summary>The UCUM code of <see cref="Value"/>'s unit: "Cel".</summary>
    public string Unit { get; } = Ucum.Celsius;
}

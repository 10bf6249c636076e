namespace UrbanSensing.Analytics.Comfort;

/// <summary>A heat index, its NWS band and the formula that produced it.</summary>
/// <param name="Value">In °C (the NWS formulas work in °F; the value is converted).</param>
public readonly record struct HeatIndexResult(double Value, HeatIndexCategory Category, HeatIndexFormula Formula)
{
    /// <summary>The UCUM code of <see cref="Value"/>'s unit: "Cel".</summary>
    public string Unit { get; } = Ucum.Celsius;
}

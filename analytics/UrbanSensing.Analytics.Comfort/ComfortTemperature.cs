namespace UrbanSensing.Analytics.Comfort;

/// <summary>
/// A temperature-like result of an index that has no published bands (dew point, wet-bulb temperature, apparent
/// temperature), so it carries no category.
/// </summary>
/// <param name="Value">In degrees Celsius.</param>
public readonly record struct ComfortTemperature(double Value)
{
    /// <summary>The UCUM code of <see cref="Value"/>'s unit: "Cel".</summary>
    public string Unit { get; } = Ucum.Celsius;
}

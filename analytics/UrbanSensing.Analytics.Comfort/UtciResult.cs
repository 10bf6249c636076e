namespace UrbanSensing.Analytics.Comfort;

/// <summary>A UTCI value, its stress category, and whether the mean radiant temperature was assumed.</summary>
/// <param name="Value">The equivalent temperature, in °C.</param>
/// <param name="MeanRadiantTemperatureAssumed">
/// True when no mean radiant temperature was given and it was taken equal to the air temperature (shade, no
/// radiant load): the value then ignores sun and hot surfaces and understates heat stress in the sun.
/// </param>
public readonly record struct UtciResult(double Value, UtciStressCategory Category, bool MeanRadiantTemperatureAssumed)
{
    /// <summary>The UCUM code of <see cref="Value"/>'s unit: "Cel".</summary>
    public string Unit { get; } = Ucum.Celsius;
}

namespace UrbanSensing.Analytics.Heat;

/// <summary>A department's thresholds for Météo-France's heat-wave (canicule) vigilance, on the 3-day means IBMn and IBMx.</summary>
/// <param name="Department">INSEE department code: "59", "2A".</param>
/// <param name="MinimumCelsius">Threshold of IBMn, the 3-day mean of daily minima, °C.</param>
/// <param name="MaximumCelsius">Threshold of IBMx, the 3-day mean of daily maxima, °C.</param>
public sealed record HeatWaveThresholds(string Department, string Name, double MinimumCelsius, double MaximumCelsius)
{
    internal void Validate(string parameterName)
    {
        if (!double.IsFinite(MinimumCelsius) || !double.IsFinite(MaximumCelsius))
        {
            throw new ArgumentException($"The thresholds of department {Department} are {MinimumCelsius} and {MaximumCelsius}; both must be finite numbers of degrees Celsius.", parameterName);
        }
    }
}

namespace UrbanSensing.Analytics.AirQuality;

internal static class Concentration
{
    public const string Allowed = "a concentration is a finite number of µg/m³ at or above 0";

    public static double EnsureValid(double value, string parameterName) =>
        double.IsFinite(value) && value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(parameterName, value, $"Allowed values: {Allowed}.");
}

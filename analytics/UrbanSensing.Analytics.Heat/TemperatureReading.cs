namespace UrbanSensing.Analytics.Heat;

/// <summary>An air temperature, in degrees Celsius, at an instant; for an hourly mean, the instant the hour starts.</summary>
public readonly record struct TemperatureReading(DateTimeOffset Time, double Celsius);

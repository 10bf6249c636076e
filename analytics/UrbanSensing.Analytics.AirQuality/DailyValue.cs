namespace UrbanSensing.Analytics.AirQuality;

/// <summary>A daily statistic (µg/m³).</summary>
/// <param name="Count">How many values it rests on: hourly values, or 8-hour means for the daily maximum 8-hour mean.</param>
public readonly record struct DailyValue(DateOnly Day, double Value, int Count);

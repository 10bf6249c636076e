namespace UrbanSensing.Analytics.Reports;

/// <summary>One raw reading as the API's CSV gives it: device, sensor, device time (UTC), value and quality flags (names joined by '|').</summary>
public readonly record struct RawReading(string Device, string Sensor, DateTimeOffset Time, double Value, string Flags);

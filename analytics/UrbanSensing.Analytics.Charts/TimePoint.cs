namespace UrbanSensing.Analytics.Charts;

/// <summary>A value at an instant; for a value over an interval (an hourly mean, an hour's rain depth), the instant the interval starts.</summary>
public readonly record struct TimePoint(DateTimeOffset Time, double Value);

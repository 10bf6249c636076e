namespace UrbanSensing.Analytics.Heat;

/// <summary>The extremes and mean of a local calendar day, from its hourly means.</summary>
/// <param name="Hours">How many hourly means the day had.</param>
/// <param name="ExpectedHours">How many hours the day lasts: 24, or 23 and 25 when the clocks change.</param>
public sealed record DailyTemperature(DateOnly Date, double Minimum, double Maximum, double Mean, int Hours, int ExpectedHours);

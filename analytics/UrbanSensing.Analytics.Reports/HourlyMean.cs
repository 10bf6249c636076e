namespace UrbanSensing.Analytics.Reports;

/// <summary>The mean of one quantity over one hour, stamped with the UTC instant the hour starts.</summary>
public readonly record struct HourlyMean(DateTimeOffset Hour, double Mean);

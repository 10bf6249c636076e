namespace UrbanSensing.Cli.Analyze;

/// <summary>The mean of one quantity over one hour, stamped with the UTC instant the hour starts.</summary>
internal readonly record struct HourlyMean(DateTimeOffset Hour, double Mean);

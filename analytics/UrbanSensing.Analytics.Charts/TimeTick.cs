namespace UrbanSensing.Analytics.Charts;

/// <summary>A labelled tick of the time axis.</summary>
internal readonly record struct TimeTick(DateTimeOffset Instant, string Label);

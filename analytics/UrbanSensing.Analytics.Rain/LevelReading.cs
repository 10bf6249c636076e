namespace UrbanSensing.Analytics.Rain;

/// <summary>One water-level reading in a basin or swale, mm above its reference (bottom or sensor zero).</summary>
public readonly record struct LevelReading(DateTimeOffset Time, double LevelMm);

namespace UrbanSensing.Analytics.Heat;

/// <summary>The heat island of a local calendar day, from the hours both sets have.</summary>
/// <param name="MeanIntensity">Mean of the day's hourly intensities, K.</param>
/// <param name="MinimumDifference">Urban daily minimum minus reference daily minimum (ΔTmin), of the sets' hourly means, K.</param>
/// <param name="MaximumDifference">Urban daily maximum minus reference daily maximum (ΔTmax), K.</param>
/// <param name="Hours">How many hours of the day both sets had.</param>
public sealed record DailyHeatIsland(DateOnly Date, double MeanIntensity, double MinimumDifference, double MaximumDifference, int Hours);

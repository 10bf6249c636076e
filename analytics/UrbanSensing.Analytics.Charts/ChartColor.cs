namespace UrbanSensing.Analytics.Charts;

/// <summary>An opaque sRGB colour.</summary>
public readonly record struct ChartColor(byte R, byte G, byte B);

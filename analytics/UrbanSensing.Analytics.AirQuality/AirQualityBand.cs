namespace UrbanSensing.Analytics.AirQuality;

/// <summary>A band of an index: its rank (1 is the cleanest) and its name in the source's language.</summary>
public sealed record AirQualityBand(int Rank, string Name);

namespace UrbanSensing.Analytics.Heat.Spatial;

/// <summary>A station's Gi* z-score, its two-sided p-value from the standard normal, and its class at the significance level.</summary>
/// <param name="Neighbours">How many other stations lie within the distance band.</param>
public sealed record HotSpot(Station Station, double ZScore, double PValue, HotSpotClass Class, int Neighbours);

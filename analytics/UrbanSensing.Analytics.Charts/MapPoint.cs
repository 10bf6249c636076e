namespace UrbanSensing.Analytics.Charts;

/// <summary>A labelled place drawn on a <see cref="MapChart"/>, WGS84 degrees.</summary>
public readonly record struct MapPoint(string Label, double Latitude, double Longitude);

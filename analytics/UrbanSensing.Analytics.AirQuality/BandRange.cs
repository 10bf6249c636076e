namespace UrbanSensing.Analytics.AirQuality;

/// <summary>
/// The concentrations (µg/m³) one band covers for one pollutant; which band holds a value exactly on a bound is the
/// table's <see cref="BoundaryRule"/>.
/// </summary>
/// <param name="To">The upper bound, or null for the open top band.</param>
public sealed record BandRange(AirQualityBand Band, double From, double? To);

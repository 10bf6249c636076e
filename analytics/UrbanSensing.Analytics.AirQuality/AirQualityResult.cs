namespace UrbanSensing.Analytics.AirQuality;

/// <summary>An index computed from a set of concentrations: the worst sub-index, the pollutants that set it, and every sub-index.</summary>
/// <param name="TableVersion">The version of the band table used, so that a published value can be reproduced.</param>
/// <param name="Band">The overall band: the worst band of any pollutant.</param>
/// <param name="ResponsiblePollutants">Every pollutant in the overall band, in the order of <see cref="Pollutant"/>; more than one on a tie.</param>
/// <param name="SubIndices">One per pollutant given, in the order of <see cref="Pollutant"/>.</param>
public sealed record AirQualityResult(
    AirQualityScheme Scheme,
    string TableVersion,
    AirQualityBand Band,
    IReadOnlyList<Pollutant> ResponsiblePollutants,
    IReadOnlyList<SubIndex> SubIndices);

using UrbanSensing.Analytics.AirQuality;

namespace UrbanSensing.Analytics.Reports;

/// <summary>
/// One site's air-quality index on one local day. The index (<see cref="Band"/>) is given only when every pollutant
/// the site measures passes data capture that day; the sub-indices of those that pass are given either way.
/// </summary>
/// <param name="Band">The worst sub-index; null with a <see cref="Reason"/> when a measured pollutant lacks data.</param>
/// <param name="Responsible">The pollutants in <see cref="Band"/>; empty when there is none.</param>
/// <param name="SubIndices">Each pollutant whose daily statistic passed data capture, in the order of <see cref="Pollutant"/>.</param>
/// <param name="Hours">The hourly values each measured pollutant has on the day.</param>
public sealed record SiteDayAirQuality(
    string Site,
    DateOnly Date,
    AirQualityBand? Band,
    IReadOnlyList<Pollutant> Responsible,
    IReadOnlyList<SubIndex> SubIndices,
    IReadOnlyDictionary<Pollutant, int> Hours,
    string? Reason);

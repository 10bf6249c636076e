namespace UrbanSensing.Analytics.Quality.CrowdQc;

/// <summary>A station of the network with its hourly air temperatures.</summary>
/// <param name="Id">Unique in the network.</param>
/// <param name="Latitude">WGS84 latitude in degrees, −90 to 90.</param>
/// <param name="Longitude">WGS84 longitude in degrees, −180 to 180.</param>
/// <param name="HourlyTemperatures">
/// One entry per hour of the run, in °C; <see langword="null"/> for an hour without a value (NaN is refused).
/// </param>
/// <param name="Elevation">Metres above sea level; give it for every station or none (height correction, m5 buddies).</param>
public sealed record CrowdQcStation(
    string Id,
    double Latitude,
    double Longitude,
    IReadOnlyList<double?> HourlyTemperatures,
    double? Elevation = null);

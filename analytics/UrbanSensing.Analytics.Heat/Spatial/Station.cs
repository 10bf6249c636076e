namespace UrbanSensing.Analytics.Heat.Spatial;

/// <summary>A value at a place: a site's indicator (a mean temperature, a heat-island intensity) to map or test for hot spots.</summary>
/// <param name="Latitude">WGS84 latitude, degrees north, −90 to 90.</param>
/// <param name="Longitude">WGS84 longitude, degrees east, −180 to 180.</param>
public sealed record Station(string Id, double Latitude, double Longitude, double Value)
{
    internal static void ValidateAll(IReadOnlyList<Station> stations, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(stations, parameterName);
        if (stations.Count == 0)
        {
            throw new ArgumentException("There are no stations; give at least one.", parameterName);
        }

        foreach (var station in stations)
        {
            if (station is null)
            {
                throw new ArgumentException("A station is null.", parameterName);
            }

            if (!double.IsFinite(station.Value))
            {
                throw new ArgumentException($"Station '{station.Id}' has the value {station.Value}; values must be finite numbers.", parameterName);
            }

            if (!(station.Latitude is >= -90 and <= 90) || !(station.Longitude is >= -180 and <= 180))
            {
                throw new ArgumentException($"Station '{station.Id}' stands at ({station.Latitude}, {station.Longitude}); latitude must be from -90 to 90 and longitude from -180 to 180 degrees.", parameterName);
            }
        }
    }
}

namespace UrbanSensing.Analytics.Statistics;

/// <summary>
/// Distances on a sphere the size of the Earth, between WGS84 coordinates, by the haversine formula (Sinnott, R. W.,
/// 1984: "Virtues of the Haversine", Sky and Telescope 68(2), 159).
/// </summary>
/// <remarks>
/// CrowdQC+ measures on the WGS84 ellipsoid (raster::pointDistance); the haversine on the mean-radius sphere differs
/// from it by at most about 0.5 %, 15 m on the 3 km buddy radius, which matters only for a neighbour right at the edge.
/// </remarks>
public static class GreatCircle
{
    /// <summary>The IUGG mean Earth radius, R₁ = (2a + b)/3, in metres.</summary>
    public const double MeanEarthRadiusMetres = 6_371_008.8;

    /// <summary>The haversine distance in kilometres between two points given in degrees.</summary>
    public static double DistanceKilometres(double latitude1, double longitude1, double latitude2, double longitude2) =>
        HaversineMetres(latitude1, longitude1, latitude2, longitude2) / 1000;

    /// <summary>The haversine distance in metres between two points given in degrees.</summary>
    public static double HaversineMetres(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        var phi1 = double.DegreesToRadians(latitude1);
        var phi2 = double.DegreesToRadians(latitude2);
        var sinHalfDeltaPhi = Math.Sin((phi2 - phi1) / 2);
        var sinHalfDeltaLambda = Math.Sin(double.DegreesToRadians(longitude2 - longitude1) / 2);
        var a = (sinHalfDeltaPhi * sinHalfDeltaPhi) + (Math.Cos(phi1) * Math.Cos(phi2) * sinHalfDeltaLambda * sinHalfDeltaLambda);
        return 2 * MeanEarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}

namespace UrbanSensing.Analytics.Heat.Spatial;

/// <summary>
/// Great-circle distance on a sphere by the haversine formula (Sinnott, R. W., 1984: "Virtues of the Haversine",
/// Sky and Telescope 68(2), 159), with the mean Earth radius R1 = 6371.0088 km of the GRS 80 ellipsoid (Moritz, H.,
/// 2000: "Geodetic Reference System 1980", Journal of Geodesy 74, 128–133). Treating WGS84 coordinates as spherical
/// errs by at most about 0.5 %, far below what matters across a city.
/// </summary>
public static class GreatCircle
{
    public const double EarthRadiusKilometres = 6371.0088;

    public static double DistanceKilometres(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        var phi1 = double.DegreesToRadians(latitude1);
        var phi2 = double.DegreesToRadians(latitude2);
        var halfDeltaPhi = (phi2 - phi1) / 2;
        var halfDeltaLambda = double.DegreesToRadians(longitude2 - longitude1) / 2;
        var h = (Math.Sin(halfDeltaPhi) * Math.Sin(halfDeltaPhi))
            + (Math.Cos(phi1) * Math.Cos(phi2) * Math.Sin(halfDeltaLambda) * Math.Sin(halfDeltaLambda));
        return 2 * EarthRadiusKilometres * Math.Asin(Math.Sqrt(Math.Min(1.0, h)));
    }
}

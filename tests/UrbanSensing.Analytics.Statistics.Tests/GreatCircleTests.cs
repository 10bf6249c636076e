namespace UrbanSensing.Analytics.Statistics.Tests;

public sealed class GreatCircleTests
{
    // Hand computation: along a meridian, or along the equator, the haversine reduces to R·Δ (Δ in radians); with the
    // IUGG mean radius R = 6,371,008.8 m one degree is 6,371,008.8 · π/180 = 111,195.08 m.
    [Theory]
    [InlineData(50.0, 3.0, 51.0, 3.0)]
    [InlineData(0.0, 3.0, 0.0, 4.0)]
    public void HaversineMetres_OneDegreeOnGreatCircle_IsRTimesOneDegree(double lat1, double lon1, double lat2, double lon2)
    {
        Assert.Equal(111_195.08, GreatCircle.HaversineMetres(lat1, lon1, lat2, lon2), 2);
    }

    // Hand computation: at latitude φ one degree of longitude spans at most R·cos φ·π/180 along the parallel; the great
    // circle is slightly shorter, 2R·asin(cos φ · sin 0.5°): at 60° that is 55,597.0 m.
    [Fact]
    public void HaversineMetres_OneDegreeOfLongitudeAtSixty_IsHalfAsLongAlmost()
    {
        Assert.Equal(55_597.0, GreatCircle.HaversineMetres(60, 3, 60, 4), 1);
    }
}

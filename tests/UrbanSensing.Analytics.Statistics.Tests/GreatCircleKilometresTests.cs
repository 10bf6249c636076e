namespace UrbanSensing.Analytics.Statistics.Tests;

public sealed class GreatCircleKilometresTests
{
    [Fact]
    public void DistanceKilometres_HundredthOfADegreeAlongTheEquator_IsRTimesTheAngle()
    {
        // 6371.0088 km × 0.01 × π / 180 = 1.1119508023 km.
        Assert.Equal(1.1119508023, GreatCircle.DistanceKilometres(0, 0, 0, 0.01), 9);
        Assert.Equal(1.1119508023, GreatCircle.DistanceKilometres(0, 0, 0.01, 0), 9);
    }

    [Fact]
    public void DistanceKilometres_ParisToLille_IsAbout204Km()
    {
        // Notre-Dame de Paris (48.8530, 2.3498) to the Grand'Place of Lille (50.6372, 3.0633): about 204 km as the crow flies.
        Assert.InRange(GreatCircle.DistanceKilometres(48.8530, 2.3498, 50.6372, 3.0633), 203, 205);
    }
}

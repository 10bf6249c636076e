using UrbanSensing.Analytics.Quality.CrowdQc;

namespace UrbanSensing.Analytics.Quality.Tests.CrowdQc;

/// <summary>Synthetic networks around Lille's Grand Place whose outcomes can be worked out by hand.</summary>
internal static class Networks
{
    public const double Latitude = 50.6372;
    public const double Longitude = 3.0633;
    public static readonly DateTimeOffset Start = new(2025, 7, 1, 0, 0, 0, TimeSpan.Zero);

    private const double MetresPerDegreeOfLatitude = 111_195.08;

    /// <summary>A diurnal cycle of ±1 K around 15 °C.</summary>
    public static double Base(int hour) => 15 + Math.Sin(2 * Math.PI * hour / 24);

    /// <summary>
    /// Offsets -0.95, -0.85, …, 0.95 K: with 20 stations the hourly median is the base, Qn is 0.7465 K and the largest
    /// robust z-score is 1.27, inside m2's [-2.33, 1.64]; against its 19 buddies the most extreme station scores
    /// |z| = 1.62, inside m5's |qt(0.05, 17)| = 1.74 (hand computations with robustbase's Qn).
    /// </summary>
    public static double Offset(int station) => -0.95 + (0.1 * station);

    /// <summary>A point <paramref name="northMetres"/> north and <paramref name="eastMetres"/> east of the Grand Place.</summary>
    public static (double Latitude, double Longitude) At(double northMetres, double eastMetres) =>
        (Latitude + (northMetres / MetresPerDegreeOfLatitude),
         Longitude + (eastMetres / (MetresPerDegreeOfLatitude * Math.Cos(double.DegreesToRadians(Latitude)))));

    /// <summary>20 stations 300 m apart on a 5 × 4 grid (all within 1.5 km of each other), base plus offset every hour.</summary>
    public static List<CrowdQcStation> Clean(int hours = 48, int stations = 20)
    {
        var network = new List<CrowdQcStation>();
        for (var s = 0; s < stations; s++)
        {
            var (latitude, longitude) = At(300 * (s / 5), 300 * (s % 5));
            var station = s;
            network.Add(new CrowdQcStation(
                $"station-{s:00}", latitude, longitude, [.. Enumerable.Range(0, hours).Select(h => (double?)(Base(h) + Offset(station)))]));
        }

        return network;
    }

    public static CrowdQcStation WithValues(CrowdQcStation station, Func<int, double?, double?> change) =>
        station with { HourlyTemperatures = [.. station.HourlyTemperatures.Select((value, hour) => change(hour, value))] };

    public static IReadOnlyList<CrowdQcStationResult> Run(List<CrowdQcStation> stations, CrowdQcPlusOptions? options = null) =>
        new CrowdQcPlus(options ?? new CrowdQcPlusOptions()).Run(Start, stations);
}

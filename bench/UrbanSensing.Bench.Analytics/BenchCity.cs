using System.Globalization;
using UrbanSensing.Analytics.Reports;
using UrbanSensing.Protocol;
using UrbanSensing.Registry;

namespace UrbanSensing.Bench.Analytics;

/// <summary>
/// A generated network around Lille and a year of its hourly mean air temperatures, the same for the same seed:
/// sites scattered over a disc of 10 km around the Grand'Place, every <c>sites / referenceSites</c>-th of them a
/// reference site (low plants or scattered trees, 6 to 10 km out), one <c>sht31</c> device per site. Temperatures
/// follow a seasonal and a diurnal cycle, weather shared by every site (an hourly AR(1) process), each site's heat
/// island (by zone, fading with distance from the centre, stronger at night) and its own noise; each site misses a
/// few runs of 1 to 12 hours and one in twenty a whole outage of 2 to 6 days.
/// </summary>
internal sealed class BenchCity
{
    public const int Hours = 8_760;
    public const double CentreLatitude = 50.6372;
    public const double CentreLongitude = 3.0633;
    public static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const double KilometresPerDegree = 111.195;
    private const double RadiusKilometres = 10;

    private static readonly string[] InnerDistricts =
    [
        "Vieux-Lille", "Lille-Centre", "Wazemmes", "Moulins", "Fives", "Lille-Sud", "Bois-Blancs", "Vauban-Esquermes",
    ];

    private static readonly string[] OuterDistricts =
    [
        "Marcq-en-Baroeul", "Mons-en-Baroeul", "Villeneuve-d'Ascq", "Ronchin", "Faches-Thumesnil", "Loos", "Lomme", "Lambersart",
    ];

    private BenchCity(SensorRegistry registry, double[][] celsius)
    {
        Registry = registry;
        Celsius = celsius;
    }

    public SensorRegistry Registry { get; }

    /// <summary>The hourly means as arrays, site by site in registry order (device by device: one per site, in the same order), hour by hour from <see cref="Start"/>; NaN in the gaps.</summary>
    public double[][] Celsius { get; }

    public int MissingHours => Celsius.Sum(site => site.Count(double.IsNaN));

    /// <summary>
    /// Each device's hourly means, as a store answers <see cref="IAnalysisReadings.HourlyMeansByDeviceAsync"/>: built
    /// anew for each run, so that, as in a service, they are garbage once the analysis has read them instead of
    /// weighing on every collection of the run.
    /// </summary>
    public Dictionary<string, IReadOnlyList<HourlyMean>> HourlyMeansByDevice() =>
        Registry.Devices
            .Select((device, index) => (device.Id, Means: Means(Celsius[index])))
            .ToDictionary(pair => pair.Id, IReadOnlyList<HourlyMean> (pair) => pair.Means, StringComparer.Ordinal);

    public static BenchCity Generate(int siteCount, int referenceCount, int seed)
    {
        var random = new Random(seed);
        var sites = new Site[siteCount];
        var islands = new double[siteCount];
        var referenceEvery = siteCount / referenceCount;
        for (var index = 0; index < siteCount; index++)
        {
            var isReference = index % referenceEvery == referenceEvery / 2 && index / referenceEvery < referenceCount;
            var distance = isReference ? 6 + (4 * random.NextDouble()) : RadiusKilometres * Math.Sqrt(random.NextDouble());
            var bearing = 2 * Math.PI * random.NextDouble();
            var latitude = CentreLatitude + (distance * Math.Cos(bearing) / KilometresPerDegree);
            var longitude = CentreLongitude + (distance * Math.Sin(bearing) / (KilometresPerDegree * Math.Cos(double.DegreesToRadians(CentreLatitude))));
            var zone = isReference ? (index % 2 == 0 ? LocalClimateZone.LowPlants : LocalClimateZone.ScatteredTrees) : ZoneAt(distance, random);
            var districts = distance < 4 ? InnerDistricts : OuterDistricts;
            var district = districts[(int)(bearing / (2 * Math.PI) * districts.Length) % districts.Length];
            var id = string.Create(CultureInfo.InvariantCulture, $"site-{index:000}");
            sites[index] = new Site(id, id, district, latitude, longitude, null, zone, 3.5, null, isReference);
            islands[index] = isReference ? 0 : IslandOf(zone) * (1 - (distance / 15));
        }

        var devices = sites.Select((site, index) => new Device(
            string.Create(CultureInfo.InvariantCulture, $"bench-{index:000}"),
            site,
            Start.AddYears(-1),
            null,
            [new DeviceSensor("sht31", [Quantities.AirTemperature], new Dictionary<Quantity, Calibration>())]));
        var weather = Weather(random);
        var celsius = new double[siteCount][];
        for (var index = 0; index < siteCount; index++)
        {
            celsius[index] = SiteTemperatures(weather, islands[index], random);
            CutGaps(celsius[index], random);
        }

        return new BenchCity(new SensorRegistry(sites, devices), celsius);
    }

    private static LocalClimateZone ZoneAt(double distanceKilometres, Random random)
    {
        if (random.NextDouble() < 0.05)
        {
            return random.NextDouble() < 0.5 ? LocalClimateZone.DenseTrees : LocalClimateZone.ScatteredTrees;
        }

        LocalClimateZone[] zones = distanceKilometres switch
        {
            < 2 => [LocalClimateZone.CompactMidrise, LocalClimateZone.CompactLowRise],
            < 5 => [LocalClimateZone.CompactLowRise, LocalClimateZone.OpenMidrise, LocalClimateZone.OpenLowRise],
            _ => [LocalClimateZone.OpenLowRise, LocalClimateZone.LargeLowRise, LocalClimateZone.SparselyBuilt],
        };
        return zones[random.Next(zones.Length)];
    }

    // Night-time heat island of each zone in a city of Lille's size, K: of the order Stewart and Oke (2012) report.
    private static double IslandOf(LocalClimateZone zone) => zone.Code switch
    {
        "2" => 3.0,
        "3" => 2.4,
        "5" => 2.0,
        "6" => 1.5,
        "8" => 1.8,
        "9" => 0.8,
        "A" => -0.5,
        _ => 0.2,
    };

    // What every site shares: the seasonal cycle (coldest mid-January), the diurnal cycle (warmest at 14 UTC, wider in
    // summer) and the weather, an AR(1) process with a standard deviation of about 2.5 K and a memory of a day or two.
    private static double[] Weather(Random random)
    {
        var weather = new double[Hours];
        var anomaly = 0.0;
        for (var hour = 0; hour < Hours; hour++)
        {
            var season = -Math.Cos(2 * Math.PI * ((hour / 24.0) - 15) / 365.25);
            var amplitude = 3.5 + (1.5 * (season + 1));
            var diurnal = amplitude * Math.Cos(2 * Math.PI * ((hour % 24) - 14) / 24);
            anomaly = (0.985 * anomaly) + (0.43 * Gaussian(random));
            weather[hour] = 11 + (7.5 * season) + diurnal + anomaly;
        }

        return weather;
    }

    private static double[] SiteTemperatures(double[] weather, double island, Random random)
    {
        var celsius = new double[Hours];
        var noise = 0.0;
        for (var hour = 0; hour < Hours; hour++)
        {
            var utcHour = hour % 24;
            var night = utcHour is >= 19 or < 5 ? 1.0 : 0.5;
            noise = (0.8 * noise) + (0.2 * Gaussian(random));
            celsius[hour] = weather[hour] + (island * night) + noise;
        }

        return celsius;
    }

    private static void CutGaps(double[] celsius, Random random)
    {
        var gaps = random.Next(0, 5);
        for (var gap = 0; gap < gaps; gap++)
        {
            Array.Fill(celsius, double.NaN, random.Next(Hours - 12), random.Next(1, 13));
        }

        if (random.NextDouble() < 0.05)
        {
            var length = 24 * random.Next(2, 7);
            Array.Fill(celsius, double.NaN, random.Next(Hours - length), length);
        }
    }

    private static List<HourlyMean> Means(double[] celsius)
    {
        var means = new List<HourlyMean>(celsius.Length);
        for (var hour = 0; hour < celsius.Length; hour++)
        {
            if (!double.IsNaN(celsius[hour]))
            {
                means.Add(new HourlyMean(Start.AddHours(hour), celsius[hour]));
            }
        }

        return means;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

using UrbanSensing.Firmware;
using UrbanSensing.Protocol;
using UrbanSensing.Simulator.Sites;
using UrbanSensing.Simulator.Time;

namespace UrbanSensing.Simulator.Sensors;

/// <summary>
/// A simulated air-quality monitor giving PM2.5, PM10, NO2 and O3 in µg/m³, with the daily shapes an urban station
/// shows: NO2 peaks with the morning and evening traffic, O3 builds up in the afternoon sun (more in summer) and is
/// eaten by NO2, particles rise in winter evenings (heating) and PM10 is a coarser share on top of PM2.5. Dense sites
/// get more traffic than residential ones and parks least. Levels are typical of Lille, not a forecast.
/// </summary>
public sealed class SimulatedAirQualitySensor : ISensor
{
    public const string PartId = "aq";

    private const double Noise = 0.08;

    private readonly double _traffic;
    private readonly TimeProvider _timeProvider;
    private readonly Random _random;

    /// <param name="seed">Seeds this sensor's own random source, which it never shares.</param>
    public SimulatedAirQualitySensor(UrbanClass urbanClass, TimeProvider timeProvider, int seed)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _traffic = urbanClass switch
        {
            UrbanClass.Dense => 1.4,
            UrbanClass.Residential => 1.0,
            _ => 0.5,
        };
        _timeProvider = timeProvider;
        _random = new Random(seed);
    }

    public string Id => PartId;

    public IReadOnlyList<Quantity> Quantities => PartQuantities;

    /// <summary>What every read of the part returns.</summary>
    public static IReadOnlyList<Quantity> PartQuantities { get; } =
        [Protocol.Quantities.Pm25, Protocol.Quantities.Pm10, Protocol.Quantities.NitrogenDioxide, Protocol.Quantities.Ozone];

    public ValueTask<IReadOnlyList<SensorSample>> ReadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var local = ParisTime.FromUtc(_timeProvider.GetUtcNow());
        var hour = local.TimeOfDay.TotalHours;
        var winter = (1 + Math.Cos(2 * Math.PI * (local.DayOfYear - 15) / 365.25)) / 2;
        var weekday = local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

        var rushHours = (weekday ? 1.0 : 0.5) * ((28 * Bump(hour, 8, 1.2)) + (24 * Bump(hour, 18.5, 1.6)));
        var no2 = (12 + (8 * winter) + rushHours) * _traffic;
        var sunshine = hour is > 8 and < 20 ? Math.Sin(Math.PI * (hour - 8) / 12) : 0;
        var o3 = Math.Max(0, 35 + (60 * (1 - winter) * sunshine) - (0.4 * no2));
        var pm25 = (7 + (7 * winter) + (6 * winter * Bump(hour, 20, 2.5))) * (0.8 + (0.2 * _traffic));
        var pm10 = (pm25 * 1.6) + (3 * _traffic);

        IReadOnlyList<SensorSample> samples =
        [
            new(Protocol.Quantities.Pm25, Sample(pm25)),
            new(Protocol.Quantities.Pm10, Sample(pm10)),
            new(Protocol.Quantities.NitrogenDioxide, Sample(no2)),
            new(Protocol.Quantities.Ozone, Sample(o3)),
        ];
        return ValueTask.FromResult(samples);
    }

    private static double Bump(double hour, double centre, double width) => Math.Exp(-Math.Pow((hour - centre) / width, 2));

    // Multiplicative noise, never negative, rounded to the 0.1 µg/m³ such monitors report.
    private double Sample(double level) => Math.Round(Math.Max(0, level * (1 + (Noise * _random.NextGaussian()))), 1);
}

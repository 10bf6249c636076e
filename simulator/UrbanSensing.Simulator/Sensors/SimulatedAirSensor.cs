using UrbanSensing.Firmware;
using UrbanSensing.Protocol;
using UrbanSensing.Simulator.Sites;
using UrbanSensing.Simulator.Time;

namespace UrbanSensing.Simulator.Sensors;

/// <summary>
/// A simulated SHT31 temperature and humidity sensor. Temperature follows the seasonal and diurnal climate of Lille
/// (minimum near 05:00, maximum near 15:00 local time) plus the site's urban heat island, a fixed microclimate offset
/// and small noise; humidity follows from the day's dew point, so it falls as the air warms.
/// </summary>
public sealed class SimulatedAirSensor : ISensor
{
    public const string PartId = "sht31";

    private const double TemperatureNoise = 0.1;
    private const double HumidityNoise = 0.8;
    private const double MicroclimateSpread = 0.3;

    private readonly UrbanClass _urbanClass;
    private readonly TimeProvider _timeProvider;
    private readonly Random _random;
    private readonly double _microclimate;

    /// <param name="seed">Seeds this sensor's own random source, which it never shares.</param>
    public SimulatedAirSensor(UrbanClass urbanClass, TimeProvider timeProvider, int seed)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _urbanClass = urbanClass;
        _timeProvider = timeProvider;
        _random = new Random(seed);
        _microclimate = ((_random.NextDouble() * 2) - 1) * MicroclimateSpread;
    }

    public string Id => PartId;

    public IReadOnlyList<Quantity> Quantities => PartQuantities;

    /// <summary>What every read of the part returns.</summary>
    public static IReadOnlyList<Quantity> PartQuantities { get; } = [Protocol.Quantities.AirTemperature, Protocol.Quantities.RelativeHumidity];

    public ValueTask<IReadOnlyList<SensorSample>> ReadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var local = ParisTime.FromUtc(_timeProvider.GetUtcNow());
        var temperature = LilleClimate.ReferenceTemperature(local)
            + LilleClimate.HeatIsland(_urbanClass, local)
            + _microclimate
            + (TemperatureNoise * _random.NextGaussian());
        var humidity = LilleClimate.RelativeHumidity(temperature, LilleClimate.DewPoint(local))
            + (HumidityNoise * _random.NextGaussian());

        // Rounded to the part's 0.01 resolution.
        IReadOnlyList<SensorSample> samples =
        [
            new(Protocol.Quantities.AirTemperature, Math.Round(temperature, 2)),
            new(Protocol.Quantities.RelativeHumidity, Math.Round(Math.Clamp(humidity, 0, 100), 2)),
        ];
        return ValueTask.FromResult(samples);
    }
}

using System.Globalization;
using UrbanSensing.Protocol;
using UrbanSensing.Protocol.Senml;

namespace UrbanSensing.Bench.LoadGenerator;

/// <summary>
/// One virtual device: each message is a pack of <see cref="ReadingsPerMessage"/> readings of distinct channels,
/// all timed at the moment of publishing, with the device's next consecutive sequence numbers.
/// </summary>
internal sealed class VirtualDevice
{
    public const int ReadingsPerMessage = 10;

    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    private static readonly (string Sensor, Quantity Quantity, double BaseValue)[] Channels =
    [
        ("sht31", Quantities.AirTemperature, 12.5),
        ("sht31", Quantities.RelativeHumidity, 71.0),
        ("bme280", Quantities.AirPressure, 101_325.0),
        ("sps30", Quantities.Pm25, 8.0),
        ("sps30", Quantities.Pm10, 14.0),
        ("no2-b43f", Quantities.NitrogenDioxide, 24.0),
        ("scd41", Quantities.CarbonDioxide, 420.0),
        ("rg15", Quantities.RainfallDepth, 0.2),
        ("ds18b20", Quantities.WaterTemperature, 11.0),
        ("mlx90614", Quantities.SurfaceTemperature, 18.0),
    ];

    private readonly SenmlRepresentation _representation;
    private long _nextSequence;
    private long _lastMillisecond = long.MinValue;

    public VirtualDevice(int number, long firstSequence, SenmlRepresentation representation)
    {
        Id = Name(number);
        Topic = Topics.Telemetry(Id);
        _nextSequence = firstSequence;
        _representation = representation;
    }

    public string Id { get; }

    public string Topic { get; }

    /// <summary>
    /// Messages whose time had to be moved forward so that no two messages of this device share a millisecond:
    /// stores that keep milliseconds (VictoriaMetrics) or deduplicate on time would otherwise merge them.
    /// </summary>
    public long TimestampsAdjusted { get; private set; }

    public static string Name(int number) => "bench-" + number.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>The next pack, timed at <paramref name="now"/> (truncated to microseconds, as devices do).</summary>
    public byte[] NextPayload(DateTimeOffset now)
    {
        var timestamp = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TicksPerMicrosecond), TimeSpan.Zero);
        var millisecond = timestamp.ToUnixTimeMilliseconds();
        if (millisecond <= _lastMillisecond)
        {
            millisecond = _lastMillisecond + 1;
            timestamp = DateTimeOffset.FromUnixTimeMilliseconds(millisecond);
            TimestampsAdjusted++;
        }

        _lastMillisecond = millisecond;
        var readings = new Reading[ReadingsPerMessage];
        for (var index = 0; index < readings.Length; index++)
        {
            var (sensor, quantity, baseValue) = Channels[index];
            var sequence = _nextSequence++;
            readings[index] = new Reading(Id, sensor, quantity, timestamp, baseValue + (sequence % 100 * 0.01), sequence);
        }

        return SenmlPayload.Encode(SenmlReadings.ToPack(readings), _representation);
    }
}

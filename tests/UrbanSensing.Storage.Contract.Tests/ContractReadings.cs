using UrbanSensing.Protocol;

namespace UrbanSensing.Storage.Contract.Tests;

/// <summary>
/// The readings every store is given: four devices with eight channels over the four weeks around each change of
/// clock of 2025 in Paris (30 March, 26 October), so across the ends of March and October too. Readings come every
/// two to eighteen minutes, now and then in bursts seconds apart; one in twenty-five is flagged; two devices number
/// their readings (with gaps), two do not. Values are positive, so sums never cancel out.
/// </summary>
internal static class ContractReadings
{
    private static readonly (DateTimeOffset From, DateTimeOffset To)[] Spans =
    [
        (new DateTimeOffset(2025, 3, 17, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 4, 14, 0, 0, 0, TimeSpan.Zero)),
        (new DateTimeOffset(2025, 10, 13, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 11, 10, 0, 0, 0, TimeSpan.Zero)),
    ];

    private static readonly Channel[] Channels =
    [
        new("lille-0001", "sht31", Quantities.AirTemperature, 0, 30, Sequenced: true),
        new("lille-0001", "sht31", Quantities.RelativeHumidity, 30, 100, Sequenced: true),
        new("lille-0001", "sps30", Quantities.Pm25, 0.5, 150, Sequenced: true),
        new("lille-0001", "sps30", Quantities.Pm10, 1, 200, Sequenced: true),
        new("lille-0002", "sht31", Quantities.AirTemperature, 0, 30, Sequenced: false),
        new("lille-0002", "rg", Quantities.RainfallDepth, 0, 2, Sequenced: false),
        new("lille-0003", "mlx90614", Quantities.SurfaceTemperature, 1, 45, Sequenced: true),
        new("lille-0004", "ultrasonic", Quantities.WaterLevel, 0.5, 3, Sequenced: false),
    ];

    /// <summary>Every reading, in the order stores answer: by device, sensor, quantity name (ordinal), then time.</summary>
    public static IReadOnlyList<Reading> All { get; } = Generate();

    /// <summary>What a store must answer to <paramref name="query"/>, following the contract to the letter.</summary>
    public static IEnumerable<Reading> Select(ReadingQuery query)
    {
        var selected = All.Where(reading =>
            reading.Timestamp >= query.From
            && reading.Timestamp < query.To
            && (query.DeviceIds.Count == 0 || query.DeviceIds.Contains(reading.DeviceId))
            && (query.Quantities.Count == 0 || query.Quantities.Contains(reading.Quantity))
            && (!query.ExcludeFlagged || reading.Flags == QualityFlags.None));
        return query.Limit is { } limit ? selected.Take(limit) : selected;
    }

    private static List<Reading> Generate()
    {
        var random = new Random(20251026);
        var readings = new List<Reading>();
        var sequences = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (from, to) in Spans)
        {
            foreach (var channel in Channels)
            {
                for (var time = from.AddTicks(random.NextInt64(TimeSpan.TicksPerHour) / 10 * 10); time < to; time += Step(random))
                {
                    long? sequence = null;
                    if (channel.Sequenced)
                    {
                        // Now and then a number is skipped, as when a reading is lost on the way.
                        sequence = sequences[channel.DeviceId] = sequences.GetValueOrDefault(channel.DeviceId) + (random.Next(50) == 0 ? 2 : 1);
                    }

                    var flags = random.Next(25) == 0 ? QualityFlags.Unregistered : QualityFlags.None;
                    readings.Add(new Reading(channel.DeviceId, channel.Sensor, channel.Quantity, time, channel.Value(random), sequence, flags));
                }
            }
        }

        return [.. readings
            .OrderBy(reading => reading.DeviceId, StringComparer.Ordinal)
            .ThenBy(reading => reading.Sensor, StringComparer.Ordinal)
            .ThenBy(reading => reading.Quantity.Name, StringComparer.Ordinal)
            .ThenBy(reading => reading.Timestamp)];
    }

    /// <summary>Two to eighteen minutes, or one to fifty seconds in a burst; whole microseconds, as the stores keep.</summary>
    private static TimeSpan Step(Random random) => TimeSpan.FromTicks(10 * (random.Next(10) == 0
        ? random.NextInt64(1_000_000, 50_000_000)
        : random.NextInt64(120_000_000, 1_080_000_000)));

    private sealed record Channel(string DeviceId, string Sensor, Quantity Quantity, double Low, double High, bool Sequenced)
    {
        /// <summary>A value with three decimals; rain is mostly none.</summary>
        public double Value(Random random) => Quantity == Quantities.RainfallDepth && random.Next(3) != 0
            ? 0
            : Math.Round(Low + (random.NextDouble() * (High - Low)), 3);
    }
}

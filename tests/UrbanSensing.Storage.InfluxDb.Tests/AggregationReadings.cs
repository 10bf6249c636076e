using UrbanSensing.Protocol;

namespace UrbanSensing.Storage.InfluxDb.Tests;

/// <summary>
/// InfluxDB 1.x holding three channels read every one to nine minutes over the weeks around the changes of clock of
/// 2025 in Paris (30 March, 26 October), Lord Howe Island and Santiago (6 April), across the ends of March and
/// October; one reading in eleven is flagged. Written once for every test of a class.
/// </summary>
public sealed class AggregationReadings : IAsyncLifetime
{
    private static readonly (DateTimeOffset From, DateTimeOffset To)[] Spans =
    [
        (new DateTimeOffset(2025, 3, 24, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 4, 10, 0, 0, 0, TimeSpan.Zero)),
        (new DateTimeOffset(2025, 10, 20, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 11, 3, 0, 0, 0, TimeSpan.Zero)),
    ];

    public InfluxDb1Server Server { get; } = new();

    public InfluxDbStore Store { get; private set; } = null!;

    /// <summary>Every reading written, in the order of the store's answers.</summary>
    public IReadOnlyList<Reading> Readings { get; } = Generate();

    public async ValueTask InitializeAsync()
    {
        await Server.InitializeAsync();
        var database = await Server.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        Store = new InfluxDbStore(new InfluxDbStoreOptions
        {
            Url = Server.Url.ToString(),
            WriteEndpoint = InfluxDbWriteEndpoint.V1,
            Database = database,
        });
        await Store.AppendAsync([.. Readings], TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Store is not null)
        {
            await Store.DisposeAsync();
        }

        await Server.DisposeAsync();
    }

    private static List<Reading> Generate()
    {
        var random = new Random(20250330);
        var readings = new List<Reading>();
        (string DeviceId, string Sensor, Quantity Quantity, double Low, double High, bool Sequenced)[] channels =
        [
            ("a", "sht31", Quantities.AirTemperature, 2, 28, true),
            ("a", "sht31", Quantities.RelativeHumidity, 30, 100, true),
            ("b", "sps30", Quantities.Pm25, 1, 80, false),
        ];
        foreach (var (deviceId, sensor, quantity, low, high, sequenced) in channels)
        {
            long sequence = 0;
            foreach (var (from, to) in Spans)
            {
                for (var time = from.AddTicks(random.Next(600_000_000) * 10L); time < to; time = time.AddTicks(random.NextInt64(60_000_000, 540_000_000) * 10))
                {
                    var value = Math.Round(low + (random.NextDouble() * (high - low)), 3);
                    var flags = sequence % 11 == 5 ? QualityFlags.Unregistered : QualityFlags.None;
                    readings.Add(new Reading(deviceId, sensor, quantity, time, value, sequenced ? sequence : null, flags));
                    sequence++;
                }
            }
        }

        return [.. readings
            .OrderBy(reading => reading.DeviceId, StringComparer.Ordinal)
            .ThenBy(reading => reading.Sensor, StringComparer.Ordinal)
            .ThenBy(reading => reading.Quantity.Name, StringComparer.Ordinal)
            .ThenBy(reading => reading.Timestamp)];
    }
}

using UrbanSensing.Protocol;
using UrbanSensing.Tests.Shared;

namespace UrbanSensing.Storage.DuckDb.Tests;

/// <summary>
/// A store holding three devices' temperature and PM2.5, one reading every seven minutes in the days around every
/// clock change of 2025 in <see cref="Storage.Tests.Aggregation.TestTimeZones"/>, about one reading in five flagged.
/// </summary>
public sealed class ReadingsAroundClockChanges : IAsyncLifetime
{
    public static readonly string[] Devices = ["lille-fives", "lille-wazemmes", "roubaix-centre"];

    private static readonly (DateTimeOffset From, DateTimeOffset To)[] Spans =
    [
        (Day(2025, 3, 1), Day(2025, 3, 9)), // two changes in one week: 4 and 6 March
        (Day(2025, 3, 26), Day(2025, 4, 10)), // Paris 30 March, Lord Howe 5 April, Santiago 6 April
        (Day(2025, 9, 3), Day(2025, 9, 11)), // Santiago 7 September
        (Day(2025, 9, 30), Day(2025, 10, 8)), // Lord Howe 4 October
        (Day(2025, 10, 22), Day(2025, 10, 30)), // Paris 26 October
    ];

    private readonly TemporaryFolder _folder = new();
    private DuckDbStore? _store;

    public DuckDbStore Store => _store ?? throw new InvalidOperationException("The store is not open yet.");

    public async ValueTask InitializeAsync()
    {
        _store = await DuckDbStore.OpenAsync(new DuckDbStoreOptions { Path = Path.Combine(_folder.Path, "readings.duckdb") });
        var random = new Random(20250330);
        var batch = new List<Reading>();
        foreach (var (from, to) in Spans)
        {
            for (var device = 0; device < Devices.Length; device++)
            {
                // Each channel starts at its own minute, so windows hold different numbers of readings.
                for (var time = from.AddMinutes(device * 2); time < to; time = time.AddMinutes(7))
                {
                    var flags = random.Next(5) == 0 ? QualityFlags.Unregistered : QualityFlags.None;
                    batch.Add(new Reading(Devices[device], "sht31", Quantities.AirTemperature, time, Math.Round(5 + (25 * random.NextDouble()), 2), null, flags));
                    batch.Add(new Reading(Devices[device], "sps30", Quantities.Pm25, time.AddMinutes(3), Math.Round(1 + (60 * random.NextDouble()), 1), null, flags));
                }

                await _store.AppendAsync(batch);
                batch.Clear();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        _folder.Dispose();
    }

    private static DateTimeOffset Day(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);
}

using UrbanSensing.Storage.DuckDb;
using UrbanSensing.Storage.InfluxDb;
using UrbanSensing.Storage.InfluxDb.Tests;
using UrbanSensing.Tests.Shared;

namespace UrbanSensing.Storage.Contract.Tests;

/// <summary>
/// Every store, each given <see cref="ContractReadings.All"/> once, in batches of 2,000 in time order as ingestion
/// sends them: the DuckDB store on a file in a temporary folder, the InfluxDB store on an InfluxDB 1.x of its own on
/// 127.0.0.1.
/// </summary>
public sealed class ContractStores : IAsyncLifetime
{
    private const int BatchSize = 2_000;

    private readonly TemporaryFolder _folder = new();
    private readonly InfluxDb1Server _influxDb = new();
    private DuckDbStore? _duckDb;
    private InfluxDbStore? _influxDbStore;

    public IReadingStore this[StoreKind store] => store switch
    {
        StoreKind.DuckDb => _duckDb!,
        _ => _influxDbStore!,
    };

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        _duckDb = await DuckDbStore.OpenAsync(new DuckDbStoreOptions { Path = Path.Combine(_folder.Path, "contract.duckdb") }, cancellationToken);
        await _influxDb.InitializeAsync();
        _influxDbStore = new InfluxDbStore(new InfluxDbStoreOptions
        {
            Url = _influxDb.Url.ToString(),
            WriteEndpoint = InfluxDbWriteEndpoint.V1,
            Database = await _influxDb.CreateDatabaseAsync(cancellationToken),
        });

        foreach (var batch in ContractReadings.All.OrderBy(reading => reading.Timestamp).Chunk(BatchSize))
        {
            await _duckDb.AppendAsync(batch, cancellationToken);
            await _influxDbStore.AppendAsync(batch, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_influxDbStore is not null)
        {
            await _influxDbStore.DisposeAsync();
        }

        if (_duckDb is not null)
        {
            await _duckDb.DisposeAsync();
        }

        await _influxDb.DisposeAsync();
        _folder.Dispose();
    }
}

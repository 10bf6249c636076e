using System.Collections.Concurrent;
using UrbanSensing.Storage.DuckDb;
using UrbanSensing.Storage.InfluxDb;
using UrbanSensing.Storage.InfluxDb.Tests;
using UrbanSensing.Tests.Shared;

namespace UrbanSensing.Storage.Contract.Tests;

/// <summary>
/// An empty store for every test that changes what it holds: a DuckDB file of its own in a temporary folder, or a
/// database of its own on one InfluxDB 1.x started on 127.0.0.1; all closed and deleted at the end.
/// </summary>
public sealed class EmptyStores : IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();
    private readonly InfluxDb1Server _influxDb = new();
    private readonly ConcurrentBag<IAsyncDisposable> _opened = [];

    public ValueTask InitializeAsync() => _influxDb.InitializeAsync();

    public async Task<IReadingStore> OpenAsync(StoreKind store, CancellationToken cancellationToken)
    {
        if (store == StoreKind.DuckDb)
        {
            var duckDb = await DuckDbStore.OpenAsync(new DuckDbStoreOptions { Path = Path.Combine(_folder.Path, $"{Guid.NewGuid():N}.duckdb") }, cancellationToken);
            _opened.Add(duckDb);
            return duckDb;
        }

        var influxDb = new InfluxDbStore(new InfluxDbStoreOptions
        {
            Url = _influxDb.Url.ToString(),
            WriteEndpoint = InfluxDbWriteEndpoint.V1,
            Database = await _influxDb.CreateDatabaseAsync(cancellationToken),
        });
        _opened.Add(influxDb);
        return influxDb;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }

        await _influxDb.DisposeAsync();
        _folder.Dispose();
    }
}

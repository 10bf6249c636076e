using System.Text.Json;
using UrbanSensing.Tests.Shared;

namespace UrbanSensing.Storage.InfluxDb.Tests;

/// <summary>
/// InfluxDB 1.x (Debian package influxdb) on free ports of 127.0.0.1, with its metadata, data and write-ahead log in a
/// temporary folder and every listener but HTTP and the loopback backup service turned off. Each test creates a
/// database of its own.
/// </summary>
public sealed class InfluxDb1Server : IAsyncLifetime
{
    private const string Binary = "/usr/bin/influxd";

    private readonly TemporaryFolder _folder = new();
    private ServerProcess? _process;

    public Uri Url { get; } = new($"http://127.0.0.1:{FreePort.Next()}/");

    public HttpClient Http { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Http.BaseAddress = Url;
        var configuration = Path.Combine(_folder.Path, "influxdb.conf");
        await File.WriteAllTextAsync(configuration, Configuration(), TestContext.Current.CancellationToken);
        _process = ServerProcess.Start(Binary, "influxdb", ["run", "-config", configuration]);
        try
        {
            await _process.WaitUntilReadyAsync(Http, "ping", TestContext.Current.CancellationToken);
        }
        catch
        {
            // A server that never became ready is killed here, whether or not the fixture is disposed after this.
            await _process.DisposeAsync();
            _process = null;
            throw;
        }
    }

    /// <summary>Creates a database with a fresh name and returns the name.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var database = $"test_{Guid.NewGuid():N}";
        await QueryAsync($"CREATE DATABASE \"{database}\"", database, cancellationToken);
        return database;
    }

    /// <summary>Runs one InfluxQL statement and returns its first result, throwing on any error.</summary>
    public async Task<JsonElement> QueryAsync(string statement, string database, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent([new("db", database), new("q", statement)]);
        using var response = await Http.PostAsync("query", form, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.IsSuccessStatusCode, body);
        using var document = JsonDocument.Parse(body);
        var result = document.RootElement.GetProperty("results")[0].Clone();
        Assert.False(result.TryGetProperty("error", out var error), error.ToString());
        return result;
    }

    /// <summary>Posts line protocol as it is, bypassing the store.</summary>
    public async Task WriteAsync(string database, string lines, CancellationToken cancellationToken)
    {
        using var content = new StringContent(lines);
        using var response = await Http.PostAsync($"write?db={database}&precision=ns", content, cancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        Http.Dispose();
        _folder.Dispose();
    }

    private string Configuration() => $"""
        reporting-disabled = true
        bind-address = "127.0.0.1:{FreePort.Next()}"

        [meta]
          dir = "{Path.Combine(_folder.Path, "meta")}"

        [data]
          dir = "{Path.Combine(_folder.Path, "data")}"
          wal-dir = "{Path.Combine(_folder.Path, "wal")}"
          query-log-enabled = false

        [http]
          enabled = true
          bind-address = "127.0.0.1:{Url.Port}"
          log-enabled = false

        [monitor]
          store-enabled = false

        [continuous_queries]
          enabled = false

        [logging]
          level = "error"
        """;
}

using System.Globalization;
using System.Text.Json;
using UrbanSensing.Tests.Shared;

namespace UrbanSensing.Storage.InfluxDb.Tests;

/// <summary>
/// VictoriaMetrics (Debian package victoria-metrics) on a free port of 127.0.0.1 with its data in a temporary folder.
/// It takes InfluxDB line protocol on /api/v2/write and /write, and its export API shows exactly what it stored.
/// </summary>
public sealed class VictoriaMetricsServer : IAsyncLifetime
{
    private const string Binary = "/usr/bin/victoria-metrics";
    private static readonly TimeSpan MetricsCacheExpiry = TimeSpan.FromSeconds(1.1);

    private readonly TemporaryFolder _folder = new();
    private ServerProcess? _process;

    public Uri Url { get; } = new($"http://127.0.0.1:{FreePort.Next()}/");

    public HttpClient Http { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Http.BaseAddress = Url;
        _process = ServerProcess.Start(
            Binary,
            "victoria-metrics",
            [
                $"-httpListenAddr=127.0.0.1:{Url.Port}",
                $"-storageDataPath={Path.Combine(_folder.Path, "data")}",
                // Readings from any year must be kept, not dropped as older than the default one month.
                "-retentionPeriod=100y",
                // Without it VictoriaMetrics keeps every copy of a sample written twice.
                "-dedup.minScrapeInterval=1ms",
                "-loggerLevel=ERROR",
            ]);
        try
        {
            await _process.WaitUntilReadyAsync(Http, "health", TestContext.Current.CancellationToken);
        }
        catch
        {
            // A server that never became ready is killed here, whether or not the fixture is disposed after this.
            await _process.DisposeAsync();
            _process = null;
            throw;
        }
    }

    /// <summary>The series whose labels match the selector, with their samples, once everything written is searchable.</summary>
    public async Task<List<ExportedSeries>> ExportAsync(string selector, CancellationToken cancellationToken)
    {
        using (var flush = await Http.GetAsync("internal/force_flush", cancellationToken))
        {
            flush.EnsureSuccessStatusCode();
        }

        var query = $"api/v1/export?match[]={Uri.EscapeDataString(selector)}&start=0";
        var exported = await Http.GetStringAsync(query, cancellationToken);
        var series = new List<ExportedSeries>();
        foreach (var line in exported.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            series.Add(new ExportedSeries(
                root.GetProperty("metric").EnumerateObject().ToDictionary(label => label.Name, label => label.Value.GetString()!),
                [.. root.GetProperty("values").EnumerateArray().Select(value => value.GetDouble())],
                [.. root.GetProperty("timestamps").EnumerateArray().Select(timestamp => timestamp.GetInt64())]));
        }

        return series;
    }

    /// <summary>The number of line-protocol write requests served so far, /write and /api/v2/write alike, from its own metrics.</summary>
    public async Task<long> InfluxWriteRequestCountAsync(CancellationToken cancellationToken)
    {
        // VictoriaMetrics renders /metrics at most once a second and serves that copy meanwhile; this is the only
        // reader, so a second after the previous read the copy is fresh.
        await Task.Delay(MetricsCacheExpiry, cancellationToken);
        var metrics = await Http.GetStringAsync("metrics", cancellationToken);
        const string prefix = "vm_http_requests_total{path=\"/influx/write\"";
        return metrics.Split('\n')
            .Where(line => line.StartsWith(prefix, StringComparison.Ordinal))
            .Sum(line => long.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
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
}

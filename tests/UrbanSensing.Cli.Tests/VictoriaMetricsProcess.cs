using System.Diagnostics;
using System.Text.Json;
using UrbanSensing.Tests.Shared;

namespace UrbanSensing.Cli.Tests;

/// <summary>
/// VictoriaMetrics (Debian package <c>victoria-metrics</c>) on 127.0.0.1: an InfluxDB-compatible store for writes,
/// with its own data folder, that a test can stop and start again to play a store outage.
/// </summary>
internal sealed class VictoriaMetricsProcess : IAsyncDisposable
{
    private const string Binary = "/usr/bin/victoria-metrics";

    private readonly string _folder;
    private Process? _process;

    private VictoriaMetricsProcess(string folder)
    {
        _folder = folder;
        Url = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        Http = new HttpClient { BaseAddress = Url };
    }

    public Uri Url { get; }

    public HttpClient Http { get; }

    public static async Task<VictoriaMetricsProcess> StartAsync(string folder, CancellationToken cancellationToken)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing: install the Debian package 'victoria-metrics' (./test.sh does)");
        }

        var server = new VictoriaMetricsProcess(folder);
        await server.StartAsync(cancellationToken);
        return server;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _process = Process.Start(new ProcessStartInfo(
            Binary,
            [$"-httpListenAddr={Url.Authority}", $"-storageDataPath={_folder}", "-retentionPeriod=100y", "-dedup.minScrapeInterval=1ms", "-loggerLevel=ERROR"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("victoria-metrics did not start");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await Poll.UntilAsync(
            async () =>
            {
                try
                {
                    using var health = await Http.GetAsync("health", cancellationToken);
                    return health.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            cancellationToken);
    }

    public async Task StopAsync()
    {
        _process!.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Every (device, sequence) stored as <c>air_seq</c> samples, read back through the export API.</summary>
    public async Task<List<(string Device, long Sequence)>> ExportSequencesAsync(CancellationToken cancellationToken)
    {
        using (var flush = await Http.GetAsync("internal/force_flush", cancellationToken))
        {
            flush.EnsureSuccessStatusCode();
        }

        var text = await Http.GetStringAsync("api/v1/export?match[]=%7B__name__%3D%22air_seq%22%7D&start=0", cancellationToken);
        var samples = new List<(string, long)>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var series = JsonDocument.Parse(line);
            var device = series.RootElement.GetProperty("metric").GetProperty("device").GetString()!;
            samples.AddRange(series.RootElement.GetProperty("values").EnumerateArray().Select(value => (device, (long)value.GetDouble())));
        }

        return samples;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await StopAsync();
        }

        Http.Dispose();
    }
}

using System.CommandLine;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using UrbanSensing.Protocol;
using UrbanSensing.Cli.Analyze;
using UrbanSensing.Storage;
using UrbanSensing.Tests.Shared;

namespace UrbanSensing.Cli.Tests;

/// <summary>
/// The whole service in the test process, on the shipped Lille registry, a DuckDB file in a temporary folder and no
/// simulated devices, with known readings already stored. Test classes that use it belong to
/// <see cref="InProcessApplications"/>.
/// </summary>
internal sealed class SeededService : IAsyncDisposable
{
    private readonly TemporaryFolder _folder;
    private readonly WebApplication _app;

    private SeededService(TemporaryFolder folder, WebApplication app)
    {
        _folder = folder;
        _app = app;
    }

    /// <summary>The API's base address.</summary>
    public string Url => _app.Urls.Single();

    /// <summary>The running service's own services (its store, say).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>A folder for the test's own files, deleted with the service.</summary>
    public string Folder => _folder.Path;

    public static async Task<SeededService> StartAsync(IEnumerable<Reading> readings, CancellationToken cancellationToken)
    {
        var folder = new TemporaryFolder();
        var brokerPort = FreePort.Next();
        var app = await UrbanSensingApplication.BuildAsync(
            new Dictionary<string, string?>
            {
                ["Api:Url"] = "http://127.0.0.1:0",
                ["Storage:DuckDb:Path"] = Path.Combine(folder.Path, "readings.duckdb"),
                ["Broker:Port"] = $"{brokerPort}",
                ["Ingestion:Mqtt:Port"] = $"{brokerPort}",
                ["Simulator:DeviceCount"] = "0",
            },
            cancellationToken);
        var service = new SeededService(folder, app);
        try
        {
            await app.StartAsync(cancellationToken);
            await app.Services.GetRequiredService<IReadingStore>().AppendAsync([.. readings], cancellationToken);
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    /// <summary>An instant as the CLI's time options take it, in UTC.</summary>
    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>An instant as an API query parameter, in UTC.</summary>
    public static string Query(DateTimeOffset time) => Uri.EscapeDataString(Iso(time));

    /// <summary>Runs <c>urbansensing analyze …</c> in the test process against this service.</summary>
    public async Task<(int Code, string Output, string Error)> AnalyzeAsync(string[] arguments, CancellationToken cancellationToken)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await new RootCommand { AnalyzeCommand.Create() }
            .Parse(["analyze", .. arguments, "--api", Url])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Sends a request to the service's API; the caller disposes the answer.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, string? jsonBody, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Url) };
        using var request = new HttpRequestMessage(method, pathAndQuery);
        if (jsonBody is not null)
        {
            request.Content = new StringContent(jsonBody, System.Text.Encoding.UTF8, "application/json");
        }

        return await http.SendAsync(request, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _folder.Dispose();
    }
}

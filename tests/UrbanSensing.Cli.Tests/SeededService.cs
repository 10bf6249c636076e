using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using UrbanSensing.Protocol;
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

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _folder.Dispose();
    }
}

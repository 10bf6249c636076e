using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using UrbanSensing.Protocol;
using UrbanSensing.Storage.DuckDb;
using UrbanSensing.Tests.Shared;

namespace UrbanSensing.Cli.Tests;

/// <summary>
/// The service's quality control at start: readings already in its DuckDB file get their flags stored, and the API
/// returns them by name.
/// </summary>
[Collection(InProcessApplications.Name)]
public sealed class QualityControlServiceTests : IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();
    private readonly DateTimeOffset _start = HourStart(DateTimeOffset.UtcNow.AddHours(-6));
    private WebApplication? _app;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string DataFile => Path.Combine(_folder.Path, "qc.duckdb");

    public async ValueTask InitializeAsync()
    {
        // Three hours of one-minute air temperatures at Vieux-Lille, 20 °C rising slowly, with one reading 8 K too warm.
        await using (var store = await DuckDbStore.OpenAsync(new DuckDbStoreOptions { Path = DataFile }, Token))
        {
            await store.AppendAsync(
                [.. Enumerable.Range(0, 180).Select(minute => new Reading(
                    "lille-0001",
                    "sht31",
                    Quantities.AirTemperature,
                    _start.AddMinutes(minute),
                    20 + (minute * 0.01) + (minute == 90 ? 8 : 0),
                    minute))],
                Token);
        }

        var brokerPort = FreePort.Next();
        _app = await UrbanSensingApplication.BuildAsync(
            new Dictionary<string, string?>
            {
                ["Api:Url"] = "http://127.0.0.1:0",
                ["Storage:DuckDb:Path"] = DataFile,
                ["Broker:Port"] = $"{brokerPort}",
                ["Ingestion:Mqtt:Port"] = $"{brokerPort}",
                ["Simulator:DeviceCount"] = "0",
            },
            Token);
        await _app.StartAsync(Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _folder.Dispose();
    }

    [Fact]
    public async Task Start_ReadingsAlreadyStored_FlagsTheSpikeAndNotItsNeighbours()
    {
        using var http = new HttpClient { BaseAddress = new Uri(_app!.Urls.Single()) };
        var from = Uri.EscapeDataString(_start.ToString("O"));
        var to = Uri.EscapeDataString(_start.AddHours(3).ToString("O"));

        var readings = await Poll.ForAsync(
            async () => await http.GetFromJsonAsync<List<ReadingDto>>($"/api/v1/readings?device=lille-0001&quantity=air-temperature&from={from}&to={to}", Token) ?? [],
            found => found.Any(reading => reading.Flags.Count > 0),
            Token);

        var flagged = Assert.Single(readings, reading => reading.Flags.Count > 0);
        Assert.Equal(_start.AddMinutes(90), flagged.Time);
        Assert.Equal(["step", "spike"], flagged.Flags);
        Assert.Equal(179, readings.Count(reading => reading.Flags.Count == 0));
    }

    private static DateTimeOffset HourStart(DateTimeOffset time) => new(time.UtcDateTime.Date.AddHours(time.UtcDateTime.Hour), TimeSpan.Zero);

    private sealed record ReadingDto(DateTimeOffset Time, double Value, IReadOnlyList<string> Flags);
}

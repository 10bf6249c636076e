using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Protocol;
using UrbanSensing.Protocol;
using UrbanSensing.Protocol.Senml;
using UrbanSensing.Storage;
using UrbanSensing.Tests.Shared;

namespace UrbanSensing.Cli.Tests;

/// <summary>
/// The whole system in one process, as <c>urbansensing run</c> wires it: embedded MQTTnet broker, 50 simulated
/// devices, ingestion, a DuckDB file in a temporary folder and the HTTP API on a free port.
/// </summary>
[Collection(InProcessApplications.Name)]
public sealed class EndToEndTests : IAsyncLifetime
{
    private const int Devices = 50;
    private const int ReadingsPerDevice = 20;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly TemporaryFolder _folder = new();
    private readonly int _brokerPort = FreePort.Next();

    // Recent enough for the validator, which rejects readings from long ago.
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow.AddMinutes(-30);
    private WebApplication? _app;
    private HttpClient? _http;

    public async ValueTask InitializeAsync()
    {
        var overrides = new Dictionary<string, string?>
        {
            ["Api:Url"] = "http://127.0.0.1:0",
            ["Storage:DuckDb:Path"] = Path.Combine(_folder.Path, "e2e.duckdb"),
            ["Broker:Port"] = $"{_brokerPort}",
            ["Ingestion:Mqtt:Port"] = $"{_brokerPort}",
            ["Ingestion:BatchWindow"] = "00:00:00.100",
            ["Simulator:DeviceCount"] = $"{Devices}",
            ["Simulator:ReadingsPerDevice"] = $"{ReadingsPerDevice}",
            ["Simulator:ReadingsPerMessage"] = "10",
            ["Simulator:SamplingInterval"] = "00:00:10",
            ["Simulator:TimeScale"] = "600",
            ["Simulator:Start"] = _start.ToString("O", CultureInfo.InvariantCulture),
            ["Simulator:AlternateRepresentations"] = "true",
        };
        _app = await UrbanSensingApplication.BuildAsync(overrides, TestContext.Current.CancellationToken);
        await _app.StartAsync(TestContext.Current.CancellationToken);
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
    }

    [Fact]
    public async Task Run_FiftyDevicesTwentyReadingsEach_ApiReturnsEveryReadingExactlyOnce()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var fleet = await _app!.Services.GetRequiredService<FleetService>().Completion.WaitAsync(Patience, cancellationToken);
        Assert.Equal(Devices * ReadingsPerDevice, fleet.ReadingsPublished);

        var readings = await Poll.ForAsync(
            () => GetReadingsAsync(cancellationToken),
            found => found.Count >= Devices * ReadingsPerDevice,
            cancellationToken);

        Assert.Equal(Devices * ReadingsPerDevice, readings.Count);
        Assert.Equal(readings.Count, readings.Select(reading => (reading.Device, reading.Sensor, reading.Quantity, reading.Time)).Distinct().Count());
        var byDevice = readings.GroupBy(reading => reading.Device).ToList();
        Assert.Equal(Devices, byDevice.Count);
        Assert.All(byDevice, device => Assert.Equal(
            Enumerable.Range(0, ReadingsPerDevice).Select(sequence => (long?)sequence),
            device.Select(reading => reading.Sequence).Order()));
        Assert.All(readings, reading => Assert.Equal(DateTimeKind.Utc, reading.Time.Kind));
    }

    [Fact]
    public async Task Run_MalformedMessage_LandsInTheDeadLettersWithItsReason()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await PublishAsync(Topics.Telemetry("lille-0007"), """[{"bn":"lille-0007/","n":"sht31/air-temperature","u":"degF","v":71.6}]""", cancellationToken);

        var deadLetters = await Poll.ForAsync(
            () => _http!.GetFromJsonAsync<List<DeadLetterDto>>("/api/v1/dead-letters", cancellationToken)!,
            found => found!.Count > 0,
            cancellationToken);

        var deadLetter = Assert.Single(deadLetters!);
        Assert.Equal(Topics.Telemetry("lille-0007"), deadLetter.Topic);
        Assert.Equal("lille-0007", deadLetter.DeviceId);
        Assert.Contains("unknown unit 'degF'", deadLetter.Reason, StringComparison.Ordinal);
        Assert.Contains("\"v\":71.6", deadLetter.PayloadText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeadLetters_ResubmittedAfterAFix_AreStoredOrRejectedAgainWithTheirNewReason()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var deadLetters = _app!.Services.GetRequiredService<IDeadLetterStore>();
        var fixedPack = SenmlJson.Encode(SenmlReadings.ToPack([new Reading("fixed-01", "sht31", Quantities.AirTemperature, _start, 21.5, 7)]));
        await deadLetters.AddAsync(
            new DeadLetter(0, _start, Topics.Telemetry("fixed-01"), "fixed-01", "UnknownQuantity", "rejected by an older decoder", fixedPack, SenmlJson.ContentType),
            cancellationToken);
        await deadLetters.AddAsync(
            new DeadLetter(0, _start, Topics.Telemetry("broken-01"), "broken-01", "MalformedPayload", "truncated", "[{\"n\":"u8.ToArray(), null),
            cancellationToken);

        using var response = await _http!.PostAsync(new Uri("/api/v1/dead-letters/resubmit", UriKind.Relative), null, cancellationToken);
        response.EnsureSuccessStatusCode();

        var remaining = await Poll.ForAsync(
            () => _http.GetFromJsonAsync<List<DeadLetterDto>>("/api/v1/dead-letters", cancellationToken)!,
            found => found!.Count == 1 && found[0].Topic == Topics.Telemetry("broken-01") && found[0].Reason.Contains("malformed JSON", StringComparison.Ordinal),
            cancellationToken);
        var stored = await Poll.ForAsync(
            () => _http.GetFromJsonAsync<List<ReadingDto>>(
                FormattableString.Invariant($"/api/v1/readings?device=fixed-01&from={_start.AddHours(-1):yyyy-MM-ddTHH:mm:ssZ}&to={_start.AddHours(1):yyyy-MM-ddTHH:mm:ssZ}"),
                cancellationToken)!,
            found => found!.Count == 1,
            cancellationToken);
        Assert.Equal(21.5, Assert.Single(stored!).Value);
        Assert.Equal(1, (await deadLetters.CountByKindAsync(cancellationToken))["MalformedPayload"]);
        Assert.Single(remaining!);
    }

    [Fact]
    public async Task Devices_AfterTheFleetRan_ListsEveryDeviceWithItsSiteAndLastSeen()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await _app!.Services.GetRequiredService<FleetService>().Completion.WaitAsync(Patience, cancellationToken);

        var devices = await Poll.ForAsync(
            () => _http!.GetFromJsonAsync<List<DeviceDto>>("/api/v1/devices", cancellationToken)!,
            found => found!.Count == Devices && found.All(device => device.LastSeen is not null),
            cancellationToken);

        Assert.All(devices!, device =>
        {
            Assert.NotNull(device.Site);
            Assert.InRange(device.Latitude!.Value, 50.55, 50.70);
            Assert.InRange(device.Longitude!.Value, 2.95, 3.15);
        });
    }

    [Theory]
    [InlineData("quantity=ozone", "quantity")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2026-07-15T00:00:00Z&to=2026-07-14T00:00:00Z", "from")]
    [InlineData("device=a/b", "device")]
    [InlineData("limit=0", "limit")]
    public async Task Readings_InvalidParameter_Returns400ProblemNamingIt(string query, string parameter)
    {
        using var response = await _http!.GetAsync($"/api/v1/readings?{query}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task Health_WhileRunning_ReportsStoreAndIngestionHealthy()
    {
        var health = await _http!.GetFromJsonAsync<JsonElement>("/api/v1/health", TestContext.Current.CancellationToken);

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("ingestion").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Metrics_AfterTheFleetRan_ExposeStoredReadingsInPrometheusFormat()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await _app!.Services.GetRequiredService<FleetService>().Completion.WaitAsync(Patience, cancellationToken);

        var metrics = await Poll.ForAsync(
            () => _http!.GetStringAsync("/metrics", cancellationToken),
            text => text.Contains($"urbansensing_ingestion_readings_stored_total{{otel_scope_name=\"UrbanSensing.Ingestion\"}} {Devices * ReadingsPerDevice}", StringComparison.Ordinal),
            cancellationToken);

        Assert.Contains("# TYPE urbansensing_ingestion_end_to_end_lag_seconds histogram", metrics, StringComparison.Ordinal);
        Assert.Contains("urbansensing_ingestion_messages_received_total{otel_scope_name=\"UrbanSensing.Ingestion\",topic=\"telemetry\"}", metrics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/health/live")]
    [InlineData("/api/v1/health/ready")]
    public async Task Health_LivenessAndReadiness_AnswerOk(string path)
    {
        using var response = await _http!.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }

        _folder.Dispose();
    }

    /// <summary>The devices' own readings: the continuous analytics add derived ones when the simulated minutes cross an hour.</summary>
    private async Task<List<ReadingDto>> GetReadingsAsync(CancellationToken cancellationToken) =>
        [.. (await _http!.GetFromJsonAsync<List<ReadingDto>>(
            FormattableString.Invariant($"/api/v1/readings?from={_start.AddHours(-1):O}&to={_start.AddHours(2):O}&limit=100000").Replace("+", "%2B", StringComparison.Ordinal),
            cancellationToken) ?? []).Where(reading => reading.Sensor != "derived")];

    private async Task PublishAsync(string topic, string payload, CancellationToken cancellationToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _brokerPort).WithClientId("e2e-publisher").Build(), cancellationToken);
        var result = await client.PublishAsync(
            new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(),
            cancellationToken);
        Assert.True(result.IsSuccess, result.ReasonString);
        await client.DisconnectAsync(cancellationToken: cancellationToken);
    }

    private sealed record ReadingDto(string Device, string Sensor, string Quantity, string Unit, DateTime Time, double Value, long? Sequence);

    private sealed record DeviceDto(string Id, string? Site, double? Latitude, double? Longitude, string? State, DateTime? LastSeen);

    private sealed record DeadLetterDto(long Id, DateTime ReceivedAt, string Topic, string? DeviceId, string Kind, string Reason, string? ContentType, string PayloadBase64, string? PayloadText);
}

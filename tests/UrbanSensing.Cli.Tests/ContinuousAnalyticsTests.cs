using System.Net.Http.Json;
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
/// The continuous analytics as <c>urbansensing run</c> wires them, fed over MQTT through the embedded broker and
/// ingestion: derived heat index written back to the store, basin and heat-wave events in <c>/api/v1/events</c>.
/// </summary>
[Collection(InProcessApplications.Name)]
public sealed class ContinuousAnalyticsTests : IAsyncLifetime
{
    private const string Gauge = "citadelle-level-01";
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private readonly TemporaryFolder _folder = new();
    private int _brokerPort = FreePort.Next();
    private WebApplication? _app;
    private HttpClient? _http;
    private long _sequence;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var basins = Path.Combine(_folder.Path, "basins.json");
        await File.WriteAllTextAsync(basins, $$"""
            { "basins": [{
              "id": "citadelle-nord", "device": "{{Gauge}}", "sensor": "level",
              "stageStorage": [{ "levelM": 0, "volumeM3": 0 }, { "levelM": 0.5, "volumeM3": 100 }, { "levelM": 1.5, "volumeM3": 500 }],
              "overflowLevelM": 1.2, "warningFraction": 0.8, "designInfiltrationMmPerHour": 25 }] }
            """, Token);
        await StartServiceAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopServiceAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task HourOfTemperatureAndHumidity_WhenTheNextHourBegins_StoresItsHeatIndexHumidexAndDewPoint()
    {
        var hour = HourStart(DateTimeOffset.UtcNow.AddHours(-3));
        var readings = new List<Reading>();
        int[] minutes = [10, 25, 40, 55, 65];
        for (var index = 0; index < minutes.Length; index++)
        {
            // 34 and 36 °C, 68 and 72 % alternate: the hour's means are 35 °C and 70 %. The reading at 65 min opens the
            // next hour, which closes this one.
            var offset = index % 2 == 0 ? -1 : 1;
            readings.Add(Reading("lille-0001", "sht31", Quantities.AirTemperature, hour.AddMinutes(minutes[index]), 35 + offset));
            readings.Add(Reading("lille-0001", "sht31", Quantities.RelativeHumidity, hour.AddMinutes(minutes[index]), 70 + (2 * offset)));
        }

        await PublishAsync("lille-0001", readings);

        var store = _app!.Services.GetRequiredService<IReadingStore>();
        var derived = await Poll.ForAsync(
            async () => await store.QueryAsync(new ReadingQuery(["lille-0001"], [Quantities.HeatIndex, Quantities.Humidex, Quantities.DewPoint], hour, hour.AddHours(1)), Token).ToListAsync(Token),
            found => found.Count == 3,
            Token);

        Assert.All(derived, reading => Assert.Equal(("derived", hour), (reading.Sensor, reading.Timestamp)));
        // MetPy's test_heat_index_units: 35 °C and 70 % give 50.3405 °C.
        Assert.Equal(50.3405, derived.Single(reading => reading.Quantity == Quantities.HeatIndex).Value, 0.0005);
        var dewPoint = derived.Single(reading => reading.Quantity == Quantities.DewPoint).Value;
        Assert.InRange(dewPoint, 28.7, 28.8);
        Assert.True(derived.Single(reading => reading.Quantity == Quantities.Humidex).Value > 50);
    }

    [Fact]
    public async Task BasinLevelRisingOverflowingAndFalling_RaisesEachEventOnceThroughTheApi()
    {
        var start = DateTimeOffset.UtcNow.AddMinutes(-20);
        // Capacity 380 m³ at the 1.2 m overflow; 0.8 of it is 1.01 m. 1.1 m holds 340 m³ (0.89), 1.25 m overflows.
        double[] levels = [0.3, 0.9, 1.1, 1.12, 1.25, 1.3, 1.0, 0.4];
        await PublishAsync(Gauge, [.. levels.Select((level, index) => Reading(Gauge, "level", Quantities.WaterLevel, start.AddMinutes(index), level))]);

        var events = await Poll.ForAsync(
            () => _http!.GetFromJsonAsync<List<EventDto>>("/api/v1/events?kind=basin-near-overflow,basin-overflowing,basin-back-to-normal", Token)!,
            found => found!.Count >= 4,
            Token);

        // Newest first: 1.1 m nears overflow, 1.25 m overflows (1.12 and 1.3 raise nothing new), 1.0 m (0.79, above the
        // 0.75 the hysteresis asks) is back to near overflow only, 0.4 m back to normal.
        Assert.Equal(["basin-back-to-normal", "basin-near-overflow", "basin-overflowing", "basin-near-overflow"], events!.Select(item => item.Kind));
        Assert.Equal([7, 6, 4, 2], events!.Select(item => (int)Math.Round((item.Time - start).TotalMinutes)));
        Assert.All(events!, item => Assert.Equal("citadelle-nord", item.Subject));
        Assert.Equal(340.0 / 380, events![3].Value!.Value, 3);
    }

    [Fact]
    public async Task HotDaysAtLomme_RaiseTheHeatWaveTheBatchAnalysisFinds()
    {
        // Lomme (lille-0009), Paris days: three mild days, four at Tmin 20 / Tmax 35 (Nord: 18 / 33), three mild.
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Paris).Date).AddDays(-12);
        var readings = new List<Reading>();
        for (var day = 0; day < 10; day++)
        {
            var hot = day is >= 3 and <= 6;
            var midnight = LocalMidnight(firstDay.AddDays(day));
            for (var hour = midnight; hour < LocalMidnight(firstDay.AddDays(day + 1)); hour = hour.AddHours(1))
            {
                var afternoon = TimeZoneInfo.ConvertTime(hour, Paris).Hour is >= 12 and < 20;
                readings.Add(Reading("lille-0009", "sht31", Quantities.AirTemperature, hour.AddMinutes(30), afternoon ? (hot ? 35 : 24) : (hot ? 20 : 12)));
            }
        }

        await PublishAsync("lille-0009", readings);

        var events = await Poll.ForAsync(
            () => _http!.GetFromJsonAsync<List<EventDto>>("/api/v1/events?from=2000-01-01&kind=heat-wave-started,heat-wave-ended", Token)!,
            found => found!.Count >= 2,
            Token);
        var from = Uri.EscapeDataString(LocalMidnight(firstDay).ToString("O"));
        var to = Uri.EscapeDataString(LocalMidnight(firstDay.AddDays(10)).ToString("O"));
        var batch = await _http!.GetFromJsonAsync<HeatWaveDto>($"/api/v1/analyses/heatwave?site=lomme&from={from}&to={to}", Token);

        var episode = Assert.Single(batch!.Episodes);
        var started = Assert.Single(events!, item => item.Kind == "heat-wave-started");
        var ended = Assert.Single(events!, item => item.Kind == "heat-wave-ended");
        Assert.Equal("lomme", started.Subject);
        Assert.Equal(LocalMidnight(DateOnly.Parse(episode.Start, System.Globalization.CultureInfo.InvariantCulture)), started.Time);
        Assert.Equal(LocalMidnight(DateOnly.Parse(episode.End, System.Globalization.CultureInfo.InvariantCulture).AddDays(1)), ended.Time);
    }

    [Fact]
    public async Task Restart_WithABasinNearOverflow_RemembersItAndAnnouncesNothingAgain()
    {
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        await PublishAsync(Gauge, [Reading(Gauge, "level", Quantities.WaterLevel, start, 0.3), Reading(Gauge, "level", Quantities.WaterLevel, start.AddMinutes(1), 1.1)]);
        await Poll.ForAsync(() => BasinEventsAsync(), found => found.Count == 1, Token);

        await StopServiceAsync();
        _brokerPort = FreePort.Next();
        await StartServiceAsync();
        // Still near overflow at 1.12 m, then overflowing at 1.3 m: only the overflow is news.
        await PublishAsync(Gauge, [Reading(Gauge, "level", Quantities.WaterLevel, start.AddMinutes(2), 1.12), Reading(Gauge, "level", Quantities.WaterLevel, start.AddMinutes(3), 1.3)]);
        var events = await Poll.ForAsync(() => BasinEventsAsync(), found => found.Any(item => item.Kind == "basin-overflowing"), Token);

        Assert.Equal(["basin-overflowing", "basin-near-overflow"], events.Select(item => item.Kind));
        Assert.Equal(1, (int)Math.Round((events[1].Time - start).TotalMinutes));
    }

    private async Task<List<EventDto>> BasinEventsAsync() =>
        await _http!.GetFromJsonAsync<List<EventDto>>("/api/v1/events?kind=basin-near-overflow,basin-overflowing,basin-back-to-normal", Token) ?? [];

    private async Task StartServiceAsync()
    {
        _app = await UrbanSensingApplication.BuildAsync(
            new Dictionary<string, string?>
            {
                ["Api:Url"] = "http://127.0.0.1:0",
                ["Storage:DuckDb:Path"] = Path.Combine(_folder.Path, "analytics.duckdb"),
                ["Broker:Port"] = $"{_brokerPort}",
                ["Ingestion:Mqtt:Port"] = $"{_brokerPort}",
                ["Ingestion:BatchWindow"] = "00:00:00.100",
                ["Simulator:DeviceCount"] = "0",
                ["Analytics:BasinsFile"] = Path.Combine(_folder.Path, "basins.json"),
            },
            Token);
        await _app.StartAsync(Token);
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
    }

    private async Task StopServiceAsync()
    {
        _http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    private static DateTimeOffset HourStart(DateTimeOffset time) => new(time.UtcDateTime.Date.AddHours(time.UtcDateTime.Hour), TimeSpan.Zero);

    private static DateTimeOffset LocalMidnight(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Paris.GetUtcOffset(midnight));
    }

    private Reading Reading(string device, string sensor, Quantity quantity, DateTimeOffset time, double value) =>
        new(device, sensor, quantity, time, value, _sequence++);

    /// <summary>Publishes the readings in time order, a message per instant, at QoS 1.</summary>
    private async Task PublishAsync(string device, IReadOnlyList<Reading> readings)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _brokerPort).WithClientId($"analytics-{device}").Build(), Token);
        foreach (var instant in readings.GroupBy(reading => reading.Timestamp).OrderBy(group => group.Key))
        {
            var result = await client.PublishAsync(
                new MqttApplicationMessageBuilder()
                    .WithTopic(Topics.Telemetry(device))
                    .WithPayload(SenmlJson.Encode(SenmlReadings.ToPack([.. instant])))
                    .WithContentType(SenmlJson.ContentType)
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                    .Build(),
                Token);
            Assert.True(result.IsSuccess, result.ReasonString);
        }

        await client.DisconnectAsync(cancellationToken: Token);
    }

    private sealed record EventDto(DateTimeOffset Time, string Kind, string Subject, string Message, double? Value);

    private sealed record EpisodeDto(string Start, string End);

    private sealed record HeatWaveDto(IReadOnlyList<EpisodeDto> Episodes);
}

using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using UrbanSensing.Storage;

namespace UrbanSensing.Cli.Tests;

/// <summary><c>GET /api/v1/events</c> of an in-process service over its DuckDB file.</summary>
[Collection(InProcessApplications.Name)]
public sealed class EventsApiTests : IAsyncLifetime
{
    private static readonly DateTimeOffset July = new(2025, 7, 3, 0, 0, 0, TimeSpan.FromHours(2));

    private SeededService? _service;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _service = await SeededService.StartAsync([], Token);
        await _service.Services.GetRequiredService<IAnalyticsEventStore>().AddAsync(
            [
                new StoredAnalyticsEvent(July, "heat-wave-started", "lomme", "Heat wave at lomme from 3 July", 19.3, July.AddDays(3)),
                new StoredAnalyticsEvent(July.AddDays(5), "heat-wave-ended", "lomme", "Heat wave at lomme ended 7 July", null, July.AddDays(6)),
                new StoredAnalyticsEvent(July.AddHours(7), "basin-near-overflow", "citadelle-nord", "Basin citadelle-nord is 83 % full", 0.83, July.AddHours(7)),
            ],
            Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }

    [Fact]
    public async Task Events_KindFilter_ListsThoseNewestFirstInUtc()
    {
        using var response = await _service!.SendAsync(HttpMethod.Get, "/api/v1/events?from=2025-07-01&to=2025-08-01&kind=heat-wave-started,heat-wave-ended", null, Token);

        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        var events = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["heat-wave-ended", "heat-wave-started"], events.Select(item => item.GetProperty("kind").GetString()));
        Assert.Equal("2025-07-02T22:00:00+00:00", events[1].GetProperty("time").GetString());
        Assert.Equal(19.3, events[1].GetProperty("value").GetDouble());
        Assert.Equal(JsonValueKind.Null, events[0].GetProperty("value").ValueKind);
    }

    [Fact]
    public async Task Events_Limit_GivesTheNewest()
    {
        using var response = await _service!.SendAsync(HttpMethod.Get, "/api/v1/events?from=2025-07-01&to=2025-08-01&limit=2", null, Token);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal(["heat-wave-ended", "basin-near-overflow"], json.RootElement.EnumerateArray().Select(item => item.GetProperty("kind").GetString()));
    }

    [Theory]
    [InlineData("/api/v1/events?limit=0", "limit", "'0' is not a whole number from 1 to 10000")]
    [InlineData("/api/v1/events?from=yesterday", "from", "'yesterday' is not an ISO 8601 date")]
    [InlineData("/api/v1/events?from=2025-08-01&to=2025-07-01", "from", "must be before 'to'")]
    public async Task Events_BadParameter_Is400NamingIt(string pathAndQuery, string parameter, string expected)
    {
        using var response = await _service!.SendAsync(HttpMethod.Get, pathAndQuery, null, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Contains(expected, problem.RootElement.GetProperty("errors").GetProperty(parameter)[0].GetString(), StringComparison.Ordinal);
    }
}

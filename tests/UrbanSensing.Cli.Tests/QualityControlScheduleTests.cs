using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using UrbanSensing.Analytics.QualityControl;
using UrbanSensing.Ingestion;
using UrbanSensing.Protocol;
using UrbanSensing.Registry;
using UrbanSensing.Storage;
using UrbanSensing.Storage.DuckDb;
using UrbanSensing.Tests.Shared;

namespace UrbanSensing.Cli.Tests;

/// <summary>
/// When <see cref="QualityControlService"/> runs its passes, in virtual time over a real DuckDB file: at start over the
/// last two days, then hourly, and at 03:00 UTC over every day ingestion still accepts.
/// </summary>
public sealed class QualityControlScheduleTests : IAsyncLifetime
{
    // 02:50 UTC: the first hourly pass, for 02:00 to 03:00, is also the day's recheck.
    private static readonly DateTimeOffset Now = new(2026, 7, 20, 2, 50, 0, TimeSpan.Zero);

    private readonly TemporaryFolder _folder = new();
    private readonly FakeTimeProvider _time = new(Now);
    private readonly FakeLogCollector _logs = new();
    private DuckDbStore? _store;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = await DuckDbStore.OpenAsync(new DuckDbStoreOptions { Path = Path.Combine(_folder.Path, "schedule.duckdb") }, Token);
        await _store.AppendAsync([.. SpikedHours(Now.AddDays(-10)), .. SpikedHours(Now.AddHours(-20))], Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        _folder.Dispose();
    }

    [Fact]
    public async Task Passes_AtStartThenAtThreeUtc_FlagTheLastTwoDaysFirstAndOlderReadingsAtTheDailyRecheck()
    {
        var registry = await RegistryLoader.LoadAsync(RegistryOptions.Resolve("registry/lille/sites.geojson"), RegistryOptions.Resolve("registry/lille/devices.json"), Token);
        using var service = new QualityControlService(
            new QualityControlPass(_store!, registry, new QualityControlOptions()),
            new IngestionOptions(),
            _time,
            new FakeLogger<QualityControlService>(_logs));

        await service.StartAsync(Token);
        await Poll.UntilAsync(() => Task.FromResult(_logs.Count >= 1), Token);
        var afterStart = await SpikesFlaggedAsync();
        _time.Advance(TimeSpan.FromMinutes(20));
        await Poll.UntilAsync(() => Task.FromResult(_logs.Count >= 3), Token);
        var afterRecheck = await SpikesFlaggedAsync();
        await service.StopAsync(Token);

        Assert.Equal((false, true), afterStart);
        Assert.Equal((true, true), afterRecheck);
        Assert.Contains(_logs.GetSnapshot(), log => log.Message.StartsWith("Quality control 2026-06-20 03:00:00Z to 2026-07-20 03:00:00Z", StringComparison.Ordinal));
    }

    /// <summary>Whether the spike ten days ago, and the one twenty hours ago, carry the spike flag.</summary>
    private async Task<(bool TenDaysAgo, bool TwentyHoursAgo)> SpikesFlaggedAsync()
    {
        var spikes = await _store!.QueryAsync(new ReadingQuery(["lille-0001"], [Quantities.AirTemperature], Now.AddDays(-11), Now), Token)
            .Where(reading => reading.Flags.HasFlag(QualityFlags.Spike))
            .Select(reading => reading.Timestamp)
            .ToListAsync(Token);
        return (spikes.Contains(Now.AddDays(-10).AddMinutes(90)), spikes.Contains(Now.AddHours(-20).AddMinutes(90)));
    }

    /// <summary>Three hours of one-minute air temperatures at Vieux-Lille, the 91st reading 8 K too warm.</summary>
    private static IEnumerable<Reading> SpikedHours(DateTimeOffset start) =>
        Enumerable.Range(0, 180).Select(minute => new Reading(
            "lille-0001", "sht31", Quantities.AirTemperature, start.AddMinutes(minute), 20 + (minute * 0.01) + (minute == 90 ? 8 : 0), null));
}

using UrbanSensing.Protocol;
using UrbanSensing.Registry;
using UrbanSensing.Storage;
using UrbanSensing.Storage.DuckDb;
using UrbanSensing.Tests.Shared;

namespace UrbanSensing.Analytics.QualityControl.Tests;

/// <summary>The single-series part of the pass, against a DuckDB file: step, spike and persistence, and their boundaries.</summary>
public sealed class QualityControlPassTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 10, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private static readonly int ReadingsPerHour = (int)(TimeSpan.FromHours(1) / Interval);

    // Air temperature's context with the default options: one hour of persistence and a two-minute gap.
    private static readonly TimeSpan Context = TimeSpan.FromMinutes(62);

    private static readonly SensorRegistry NoSites = new([], []);
    private static readonly ReadingQuery Everything = new([], [], DateTimeOffset.MinValue, DateTimeOffset.MaxValue);

    private readonly TemporaryFolder _folder = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task RunAsync_SpikeInAirTemperature_FlagsTheSpikeAndNotItsNeighbours()
    {
        await using var store = await OpenStoreAsync();
        var readings = AirTemperature("a", hours: 3);
        const int spike = 540;
        readings[spike] = readings[spike] with { Value = readings[spike].Value + 6 };
        await store.AppendAsync(readings, Token);

        var summary = await Pass(store).RunAsync(T0 + Context, T0.AddHours(3) + Context, Token);

        var stored = await store.QueryAsync(Everything, Token).ToListAsync(Token);
        Assert.Equal(QualityFlags.Step | QualityFlags.Spike, stored[spike].Flags);
        Assert.Equal(QualityFlags.None, stored[spike - 1].Flags);
        Assert.Equal(QualityFlags.None, stored[spike + 1].Flags);
        Assert.Equal([spike], FlaggedIndices(stored));
        var airTemperature = Assert.Single(summary.Series, series => series.Quantity == Quantities.AirTemperature);
        Assert.Equal((T0, T0.AddHours(3)), (airTemperature.SettledFrom, airTemperature.SettledTo));
        Assert.Equal(readings.Length, airTemperature.ReadingsChecked);
        Assert.Equal((1, 1, 0), (airTemperature.Flagged[QualityFlags.Step], airTemperature.Flagged[QualityFlags.Spike], airTemperature.Flagged[QualityFlags.Persistence]));
        Assert.Equal((1, 1), (airTemperature.UpdatesSent, airTemperature.UpdatesMatched));
    }

    [Fact]
    public async Task RunAsync_StuckSensor_FlagsTheStretchLongerThanAnHourAndNotTheShorterOne()
    {
        await using var store = await OpenStoreAsync();
        var readings = AirTemperature("a", hours: 5);
        var stuck = Enumerable.Range(ReadingsPerHour, ReadingsPerHour * 3 / 2).ToList();
        var quiet = Enumerable.Range(ReadingsPerHour * 3, ReadingsPerHour * 5 / 6).ToList();
        foreach (var i in stuck)
        {
            readings[i] = readings[i] with { Value = 21.37 };
        }

        foreach (var i in quiet)
        {
            readings[i] = readings[i] with { Value = 18.52 };
        }

        await store.AppendAsync(readings, Token);

        var summary = await Pass(store).RunAsync(T0 + Context, T0.AddHours(5) + Context, Token);

        var stored = await store.QueryAsync(Everything, Token).ToListAsync(Token);
        Assert.Equal(stuck, FlaggedIndices(stored));
        Assert.All(stuck, i => Assert.Equal(QualityFlags.Persistence, stored[i].Flags));
        Assert.Equal(stuck.Count, summary.Series[0].Flagged[QualityFlags.Persistence]);
    }

    [Fact]
    public async Task RunAsync_HumiditySaturatedForHours_IsNotFlaggedPersistentButItsSpikeIs()
    {
        await using var store = await OpenStoreAsync();
        var readings = Enumerable.Range(0, ReadingsPerHour * 4)
            .Select(i => new Reading("a", "sht31", Quantities.RelativeHumidity, T0 + (i * Interval), 100, i))
            .ToArray();
        const int spike = 700;
        readings[spike] = readings[spike] with { Value = 85 };
        await store.AppendAsync(readings, Token);

        await Pass(store).RunAsync(T0 + Context, T0.AddHours(4) + Context, Token);

        var stored = await store.QueryAsync(Everything, Token).ToListAsync(Token);
        Assert.Equal([spike], FlaggedIndices(stored));
        Assert.Equal(QualityFlags.Step | QualityFlags.Spike, stored[spike].Flags);
    }

    [Fact]
    public async Task RunAsync_TwoPassesOverAdjacentRanges_GiveTheFlagsOfOnePassOverTheirUnion()
    {
        // b is the end of the first range: a spike just before it is undone by the first reading after it, a stuck
        // stretch straddles it, and another straddles the end of what the first pass settles, b minus the context.
        var b = T0.AddHours(3);
        var spike = Index(b) - 1;
        var readings = AirTemperature("a", hours: 6).Concat(AirTemperature("b", hours: 6)).ToArray();
        readings[spike] = readings[spike] with { Value = readings[spike].Value - 5 };
        var acrossSettled = Enumerable.Range(Index(b - Context) - (ReadingsPerHour * 2 / 3), ReadingsPerHour * 4 / 3).ToList();
        var acrossEnd = Enumerable.Range(Index(b) - (ReadingsPerHour * 2 / 3), ReadingsPerHour * 4 / 3).Select(i => i + (ReadingsPerHour * 6)).ToList();
        foreach (var i in acrossSettled.Concat(acrossEnd))
        {
            readings[i] = readings[i] with { Value = 19.99 };
        }

        var end = T0.AddHours(6) + Context;
        await using var twoPasses = await OpenStoreAsync("two-passes");
        await twoPasses.AppendAsync([.. readings.Where(reading => reading.Timestamp < b)], Token);
        await Pass(twoPasses).RunAsync(T0 + Context, b, Token);
        var afterFirst = await twoPasses.QueryAsync(Everything, Token).ToListAsync(Token);
        await twoPasses.AppendAsync([.. readings.Where(reading => reading.Timestamp >= b)], Token);
        await Pass(twoPasses).RunAsync(b, end, Token);
        await using var onePass = await OpenStoreAsync("one-pass");
        await onePass.AppendAsync(readings, Token);
        await Pass(onePass).RunAsync(T0 + Context, end, Token);

        var twice = await twoPasses.QueryAsync(Everything, Token).ToListAsync(Token);
        var once = await onePass.QueryAsync(Everything, Token).ToListAsync(Token);
        Assert.Equal(once.Select(reading => (reading.DeviceId, reading.Timestamp, reading.Flags)), twice.Select(reading => (reading.DeviceId, reading.Timestamp, reading.Flags)));
        Assert.Equal(QualityFlags.Step | QualityFlags.Spike, once[spike].Flags);
        Assert.Equal(acrossSettled.Concat(acrossEnd), FlaggedIndices(once).Where(i => i != spike));
        Assert.Equal(QualityFlags.None, afterFirst[spike].Flags);
        Assert.All(afterFirst.Where(reading => reading.Flags != QualityFlags.None), reading => Assert.Contains(reading, twice));
        Assert.Contains(afterFirst, reading => reading.Flags == QualityFlags.Persistence);
    }

    [Fact]
    public async Task RunAsync_ReadingsFlaggedUnregistered_KeepTheBitBesideTheChecksFlags()
    {
        await using var store = await OpenStoreAsync();
        var readings = AirTemperature("a", hours: 2).Select(reading => reading with { Flags = QualityFlags.Unregistered }).ToArray();
        const int spike = 300;
        readings[spike] = readings[spike] with { Value = readings[spike].Value + 4 };
        await store.AppendAsync(readings, Token);

        await Pass(store).RunAsync(T0 + Context, T0.AddHours(2) + Context, Token);

        var stored = await store.QueryAsync(Everything, Token).ToListAsync(Token);
        Assert.Equal(QualityFlags.Unregistered | QualityFlags.Step | QualityFlags.Spike, stored[spike].Flags);
        Assert.All(stored.Where((_, i) => i != spike), reading => Assert.Equal(QualityFlags.Unregistered, reading.Flags));
    }

    [Fact]
    public async Task RunAsync_SameRangeTwice_LeavesTheFlagsAsTheFirstRunSetThemAndWritesNothing()
    {
        await using var store = await OpenStoreAsync();
        var readings = AirTemperature("a", hours: 4);
        readings[100] = readings[100] with { Value = readings[100].Value + 4 };
        foreach (var i in Enumerable.Range(ReadingsPerHour * 2, ReadingsPerHour + 60))
        {
            readings[i] = readings[i] with { Value = 20.5 };
        }

        await store.AppendAsync(readings, Token);
        var pass = Pass(store);

        var first = await pass.RunAsync(T0 + Context, T0.AddHours(4) + Context, Token);
        var afterFirst = await store.QueryAsync(Everything, Token).ToListAsync(Token);
        var second = await pass.RunAsync(T0 + Context, T0.AddHours(4) + Context, Token);

        Assert.Equal(afterFirst, await store.QueryAsync(Everything, Token).ToListAsync(Token));
        Assert.Equal(ReadingsPerHour + 61, first.Series[0].UpdatesSent);
        Assert.Equal(0, second.Series[0].UpdatesSent);
        Assert.Equal(first.Series[0].Flagged, second.Series[0].Flagged);
        Assert.Equal(first.Series[0].ReadingsChecked, second.Series[0].ReadingsChecked);
    }

    [Fact]
    public async Task QueryAsync_AfterThePass_ReturnsTheFlagsAndLeavesFlaggedReadingsOutWhenAsked()
    {
        await using var store = await OpenStoreAsync();
        var readings = AirTemperature("a", hours: 3);
        readings[200] = readings[200] with { Value = readings[200].Value - 7 };
        foreach (var i in Enumerable.Range(ReadingsPerHour, ReadingsPerHour + 2))
        {
            readings[i] = readings[i] with { Value = 22 };
        }

        await store.AppendAsync(readings, Token);
        await Pass(store).RunAsync(T0 + Context, T0.AddHours(3) + Context, Token);

        var all = await store.QueryAsync(new ReadingQuery(["a"], [Quantities.AirTemperature], T0, T0.AddHours(3)), Token).ToListAsync(Token);
        var unflagged = await store.QueryAsync(new ReadingQuery(["a"], [Quantities.AirTemperature], T0, T0.AddHours(3), ExcludeFlagged: true), Token).ToListAsync(Token);

        Assert.Equal(QualityFlags.Step | QualityFlags.Spike, all[200].Flags);
        Assert.Equal(ReadingsPerHour + 2, all.Count(reading => reading.Flags == QualityFlags.Persistence));
        Assert.Equal(all.Where(reading => reading.Flags == QualityFlags.None), unflagged);
        Assert.Equal(readings.Length - ReadingsPerHour - 3, unflagged.Count);
    }

    [Fact]
    public async Task RunAsync_RangeEndingAtItsStart_Throws()
    {
        await using var store = await OpenStoreAsync();

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => Pass(store).RunAsync(T0, T0, Token));

        Assert.Equal("to", exception.ParamName);
    }

    /// <summary>A smooth air temperature every 10 s from <see cref="T0"/>: 20 ± 0.5 °C over two hours, at the SHT3x's 0.01 °C.</summary>
    private static Reading[] AirTemperature(string deviceId, int hours) =>
        [.. Enumerable.Range(0, ReadingsPerHour * hours).Select(i => new Reading(
            deviceId,
            "sht31",
            Quantities.AirTemperature,
            T0 + (i * Interval),
            Math.Round(20 + (0.5 * Math.Sin(2 * Math.PI * i / (ReadingsPerHour * 2))), 2),
            i))];

    private static int Index(DateTimeOffset instant) => (int)((instant - T0) / Interval);

    private static List<int> FlaggedIndices(List<Reading> readings) =>
        [.. readings.Select((reading, i) => (reading, i)).Where(pair => pair.reading.Flags != QualityFlags.None).Select(pair => pair.i)];

    private static QualityControlPass Pass(IReadingStore store) => new(store, NoSites, new QualityControlOptions());

    private Task<DuckDbStore> OpenStoreAsync(string name = "store") =>
        DuckDbStore.OpenAsync(new DuckDbStoreOptions { Path = Path.Combine(_folder.Path, $"{name}.duckdb") }, Token);
}

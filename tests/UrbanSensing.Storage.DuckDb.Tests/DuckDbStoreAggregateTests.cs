using System.Globalization;
using UrbanSensing.Protocol;
using UrbanSensing.Storage.Aggregation;
using UrbanSensing.Storage.Tests.Aggregation;
using UrbanSensing.Tests.Shared;

namespace UrbanSensing.Storage.DuckDb.Tests;

/// <summary><see cref="DuckDbStore.AggregateAsync"/>, computed in SQL, against the reference <see cref="WindowAggregator"/> over the same readings.</summary>
public sealed class DuckDbStoreAggregateTests(ReadingsAroundClockChanges readings) : IClassFixture<ReadingsAroundClockChanges>
{
    private static readonly Aggregate[] EveryAggregate =
        [.. "mean min max sum count last p5 p50 p95".Split(' ').Select(Aggregate.Parse)];

    // Bounds inside windows, so that windows cut by them hold only the selected readings.
    private static readonly ReadingQuery Selection = new(
        [],
        [],
        new DateTimeOffset(2025, 3, 1, 5, 17, 0, TimeSpan.Zero),
        new DateTimeOffset(2025, 10, 29, 21, 41, 0, TimeSpan.Zero));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string, bool> EveryWindowWithAndWithoutFlagged()
    {
        var data = new TheoryData<string, bool>();
        foreach (var window in AggregationWindow.All)
        {
            data.Add(window.ToString(), false);
            data.Add(window.ToString(), true);
        }

        return data;
    }

    public static TheoryData<string, string> EveryWindowInOtherZones()
    {
        var data = new TheoryData<string, string>();
        foreach (var zone in new[] { TestTimeZones.Santiago, TestTimeZones.LordHowe, TestTimeZones.TwoChangesInOneWeek, TimeZoneInfo.Utc })
        {
            foreach (var window in AggregationWindow.All)
            {
                data.Add(zone.Id, window.ToString());
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryWindowWithAndWithoutFlagged))]
    public async Task AggregateAsync_ParisAroundBothChanges_SameWindowsAndValuesAsTheReference(string window, bool excludeFlagged)
    {
        var query = new AggregateQuery(Selection with { ExcludeFlagged = excludeFlagged }, AggregationWindow.Parse(window), EveryAggregate, TestTimeZones.Paris);

        await AssertSameAsReferenceAsync(query);
    }

    /// <summary>Clocks changing at midnight (Santiago), by half an hour (Lord Howe), twice within one week (made up), and never (UTC).</summary>
    [Theory]
    [MemberData(nameof(EveryWindowInOtherZones))]
    public async Task AggregateAsync_AwkwardZones_SameWindowsAndValuesAsTheReference(string zoneId, string window)
    {
        var query = new AggregateQuery(Selection, AggregationWindow.Parse(window), EveryAggregate, TestTimeZones.ById[zoneId]);

        await AssertSameAsReferenceAsync(query);
    }

    [Fact]
    public async Task AggregateAsync_FlaggedExcluded_CountsOnlyUnflaggedReadings()
    {
        var query = new AggregateQuery(Selection, AggregationWindow.OneMonth, [Aggregate.Parse("count")], TestTimeZones.Paris);

        var all = (await readings.Store.AggregateAsync(query, Token).ToListAsync(Token)).Sum(window => window.Values[0]);
        var unflagged = (await readings.Store.AggregateAsync(query with { Selection = Selection with { ExcludeFlagged = true } }, Token).ToListAsync(Token)).Sum(window => window.Values[0]);
        var stored = await readings.Store.QueryAsync(Selection, Token).CountAsync(Token);
        var storedUnflagged = await readings.Store.QueryAsync(Selection, Token).CountAsync(reading => reading.Flags == QualityFlags.None, Token);

        Assert.Equal(stored, all);
        Assert.Equal(storedUnflagged, unflagged);
        Assert.InRange(unflagged / all, 0.75, 0.85);
    }

    [Fact]
    public async Task AggregateAsync_DeviceAndQuantityFilters_OnlyThoseChannelsAsTheReference()
    {
        var selection = Selection with { DeviceIds = ["roubaix-centre", "lille-fives", "unknown"], Quantities = [Quantities.Pm25] };
        var query = new AggregateQuery(selection, AggregationWindow.OneDay, EveryAggregate, TestTimeZones.Paris);

        var windows = await AssertSameAsReferenceAsync(query);

        Assert.Equal(
            [("lille-fives", "pm2.5"), ("roubaix-centre", "pm2.5")],
            windows.Select(window => (window.DeviceId, window.Quantity.Name)).Distinct());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(25)]
    [InlineData(5000)]
    public async Task AggregateAsync_Limit_TheFirstWindowsOfTheWholeResult(int limit)
    {
        var query = new AggregateQuery(Selection, AggregationWindow.OneHour, EveryAggregate, TestTimeZones.Paris);
        var whole = await readings.Store.AggregateAsync(query, Token).ToListAsync(Token);

        var limited = await readings.Store.AggregateAsync(query with { Selection = Selection with { Limit = limit } }, Token).ToListAsync(Token);

        Assert.True(whole.Count > limit);
        Assert.Equal(whole.Take(limit).Select(Describe), limited.Select(Describe));
    }

    [Fact]
    public async Task AggregateAsync_EveryReadingEverStored_SameAsTheReference()
    {
        var selection = new ReadingQuery([], [], DateTimeOffset.MinValue, DateTimeOffset.MaxValue, ExcludeFlagged: true);

        var windows = await AssertSameAsReferenceAsync(new AggregateQuery(selection, AggregationWindow.OneMonth, EveryAggregate, TestTimeZones.Paris));

        // Six channels, readings in March, April, September and October.
        Assert.Equal(6 * 4, windows.Count);
    }

    [Fact]
    public async Task AggregateAsync_ReadingsAcrossTheStartOf1970_SameAsTheReference()
    {
        using var folder = new TemporaryFolder();
        await using var store = await DuckDbStore.OpenAsync(new DuckDbStoreOptions { Path = Path.Combine(folder.Path, "1970.duckdb") }, Token);
        var start = new DateTimeOffset(1969, 12, 20, 0, 0, 0, TimeSpan.Zero);
        await store.AppendAsync([.. Enumerable.Range(0, 1000).Select(index => new Reading("old", "sht31", Quantities.AirTemperature, start.AddMinutes(37 * index), 1 + (index % 17), null))], Token);
        var selection = new ReadingQuery([], [], DateTimeOffset.MinValue, DateTimeOffset.MaxValue);

        foreach (var window in AggregationWindow.All)
        {
            await AssertSameAsReferenceAsync(store, new AggregateQuery(selection, window, EveryAggregate, TestTimeZones.Paris));
        }
    }

    [Fact]
    public async Task AggregateAsync_RangeWithoutReadings_NoWindows()
    {
        var selection = Selection with { From = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero), To = new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero) };

        Assert.Empty(await readings.Store.AggregateAsync(new AggregateQuery(selection, AggregationWindow.OneDay, EveryAggregate, TestTimeZones.Paris), Token).ToListAsync(Token));
    }

    [Fact]
    public async Task AggregateAsync_ParisDailyOn26October_OneWindowOf25HoursPerChannelWithAllItsReadings()
    {
        var selection = Selection with { From = new DateTimeOffset(2025, 10, 26, 0, 0, 0, TimeSpan.FromHours(2)), To = new DateTimeOffset(2025, 10, 27, 0, 0, 0, TimeSpan.FromHours(1)) };

        var windows = await readings.Store.AggregateAsync(new AggregateQuery(selection, AggregationWindow.OneDay, [Aggregate.Parse("count")], TestTimeZones.Paris), Token).ToListAsync(Token);

        Assert.Equal(6, windows.Count);
        Assert.All(windows, window => Assert.Equal(
            ("2025-10-26T00:00:00.0000000+02:00", "2025-10-27T00:00:00.0000000+01:00"),
            (Text(window.Start), Text(window.End))));
        Assert.Equal(await readings.Store.QueryAsync(selection, Token).CountAsync(Token), windows.Sum(window => window.Values[0]));
        Assert.All(windows, window => Assert.InRange(window.Values[0], (25 * 60 / 7) - 1, (25 * 60 / 7) + 1));
    }

    private Task<List<AggregatedWindow>> AssertSameAsReferenceAsync(AggregateQuery query) => AssertSameAsReferenceAsync(readings.Store, query);

    private static async Task<List<AggregatedWindow>> AssertSameAsReferenceAsync(DuckDbStore store, AggregateQuery query)
    {
        var expected = await WindowAggregator.AggregateAsync(store.QueryAsync(query.Selection with { Limit = null }, Token), query, Token).ToListAsync(Token);

        var actual = await store.AggregateAsync(query, Token).ToListAsync(Token);

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, actual.Count);
        var countIndex = query.Aggregates.ToList().IndexOf(Aggregate.Parse("count"));
        for (var index = 0; index < expected.Count; index++)
        {
            var (wanted, got) = (expected[index], actual[index]);
            var sameWindow = (wanted.DeviceId, wanted.Sensor, wanted.Quantity, wanted.Start.UtcTicks, wanted.Start.Offset, wanted.End.UtcTicks, wanted.End.Offset, wanted.Values.Count)
                == (got.DeviceId, got.Sensor, got.Quantity, got.Start.UtcTicks, got.Start.Offset, got.End.UtcTicks, got.End.Offset, got.Values.Count);
            if (!sameWindow)
            {
                Assert.Fail($"window {index}: expected {Describe(wanted)}, got {Describe(got)}");
            }

            for (var value = 0; value < wanted.Values.Count; value++)
            {
                var close = value == countIndex
                    ? wanted.Values[value] == got.Values[value]
                    : Math.Abs(wanted.Values[value] - got.Values[value]) <= 1e-9 * Math.Abs(wanted.Values[value]);
                if (!close)
                {
                    Assert.Fail($"window {index} ({Describe(wanted)}), {query.Aggregates[value]}: expected {wanted.Values[value]:R}, got {got.Values[value]:R}");
                }
            }
        }

        return actual;
    }

    private static string Describe(AggregatedWindow window) =>
        $"{window.DeviceId}/{window.Sensor}/{window.Quantity.Name} [{Text(window.Start)}, {Text(window.End)})";

    private static string Text(DateTimeOffset instant) => instant.ToString("o", CultureInfo.InvariantCulture);
}

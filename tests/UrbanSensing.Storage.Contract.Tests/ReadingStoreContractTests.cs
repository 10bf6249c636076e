using UrbanSensing.Protocol;
using UrbanSensing.Storage.Aggregation;
using UrbanSensing.Storage.InfluxDb.Tests;

namespace UrbanSensing.Storage.Contract.Tests;

/// <summary>
/// One table of queries asked of every store holding the same readings. Each answer is compared with what the
/// contract says it must be: the readings selected from <see cref="ContractReadings"/> by the letter of
/// <see cref="ReadingQuery"/>, and their windows as <see cref="WindowAggregator"/>, the contract's reference,
/// computes them. So two stores that pass answer the same, and a store that does not is named in the failing case.
/// </summary>
public sealed class ReadingStoreContractTests(ContractStores stores) : IClassFixture<ContractStores>
{
    private static readonly ReadingQuery Everything = new([], [], DateTimeOffset.MinValue, DateTimeOffset.MaxValue);

    private static readonly Dictionary<string, ReadingQuery> Queries = new(StringComparer.Ordinal)
    {
        ["everything"] = Everything,
        ["one device"] = Everything with { DeviceIds = ["lille-0002"] },
        ["devices and quantities"] = Everything with
        {
            DeviceIds = ["lille-0004", "lille-0001", "unknown"],
            Quantities = [Quantities.WaterLevel, Quantities.Pm25, Quantities.AirTemperature],
        },
        ["night the clock springs forward"] = Everything with { From = Utc(2025, 3, 30, 0, 0), To = Utc(2025, 3, 30, 2, 0) },
        ["night the clock falls back"] = Everything with { From = Utc(2025, 10, 26, 0, 0), To = Utc(2025, 10, 26, 2, 0) },
        ["bounds on readings"] = Everything with { From = ContractReadings.All[100].Timestamp, To = ContractReadings.All[200].Timestamp },
        ["bounds in other offsets"] = Everything with
        {
            From = Utc(2025, 4, 1, 0, 0).ToOffset(TimeSpan.FromHours(2)),
            To = Utc(2025, 10, 15, 0, 0).ToOffset(TimeSpan.FromHours(-5)),
        },
        ["limit within a channel"] = Everything with { Limit = 10 },
        ["limit across channels"] = Everything with { Limit = ContractReadings.All.Count(reading => reading.Quantity == Quantities.AirTemperature && reading.DeviceId == "lille-0001") + 5 },
        ["flagged left out"] = Everything with { ExcludeFlagged = true },
        ["flagged left out, filtered and limited"] = Everything with
        {
            DeviceIds = ["lille-0001"],
            Quantities = [Quantities.Pm10, Quantities.Pm25],
            From = Utc(2025, 3, 29, 12, 0),
            To = Utc(2025, 11, 1, 0, 0),
            Limit = 1_000,
            ExcludeFlagged = true,
        },
    };

    private static readonly string[] Windows = ["1m", "15m", "1h", "3h", "1d", "1w", "1mo"];

    /// <summary>What InfluxDB computes itself, and what both stores compute from the readings.</summary>
    private static readonly string[] AggregateLists = ["mean,min,max,sum,count,last", "p5,p50,p95"];

    private static readonly string[] Zones = ["Europe/Paris", "UTC"];

    private static readonly string[] FilteredWindows = ["1h", "1d", "1mo"];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string, StoreKind> QueryCases =>
    [
        .. from query in Queries.Keys
           from store in Enum.GetValues<StoreKind>()
           select (query, store),
    ];

    public static TheoryData<string, string, string, StoreKind> AggregationCases =>
    [
        .. from window in Windows
           from aggregates in AggregateLists
           from zone in Zones
           from store in Enum.GetValues<StoreKind>()
           select (window, aggregates, zone, store),
    ];

    public static TheoryData<string, string, StoreKind> FilteredAggregationCases =>
    [
        .. from window in FilteredWindows
           from aggregates in AggregateLists
           from store in Enum.GetValues<StoreKind>()
           select (window, aggregates, store),
    ];

    [Theory]
    [MemberData(nameof(QueryCases))]
    public async Task QueryAsync_QueryOfTheTable_ReturnsExactlyTheSelectedReadingsInOrder(string query, StoreKind store)
    {
        var expected = ContractReadings.Select(Queries[query]).ToList();

        var actual = await stores[store].QueryAsync(Queries[query], Token).ToListAsync(Token);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
        Assert.All(actual, reading => Assert.Equal(TimeSpan.Zero, reading.Timestamp.Offset));
    }

    [Theory]
    [MemberData(nameof(AggregationCases))]
    public async Task AggregateAsync_EveryReadingByWindowAndZone_MatchesTheReferenceAggregator(string window, string aggregates, string zone, StoreKind store)
    {
        await AssertMatchesReferenceAsync(store, Aggregation(Everything, window, aggregates, zone));
    }

    [Theory]
    [MemberData(nameof(FilteredAggregationCases))]
    public async Task AggregateAsync_FilteredSelectionCutInsideWindows_MatchesTheReferenceAggregator(string window, string aggregates, StoreKind store)
    {
        // From and To fall inside windows: windows keep their bounds but hold only the selected readings.
        var selection = Queries["devices and quantities"] with
        {
            From = Utc(2025, 3, 30, 0, 17),
            To = Utc(2025, 10, 26, 1, 43),
            Limit = 50,
            ExcludeFlagged = true,
        };

        await AssertMatchesReferenceAsync(store, Aggregation(selection, window, aggregates, "Europe/Paris"));
    }

    private async Task AssertMatchesReferenceAsync(StoreKind store, AggregateQuery query)
    {
        var selected = ContractReadings.Select(query.Selection with { Limit = null }).ToAsyncEnumerable();
        var expected = await WindowAggregator.AggregateAsync(selected, query, Token).ToListAsync(Token);

        var actual = await stores[store].AggregateAsync(query, Token).ToListAsync(Token);

        Assert.NotEmpty(expected);
        AggregatedWindowAssert.Equal(expected, actual);
    }

    private static AggregateQuery Aggregation(ReadingQuery selection, string window, string aggregates, string zone) => new(
        selection,
        AggregationWindow.Parse(window),
        [.. aggregates.Split(',').Select(Aggregate.Parse)],
        TimeZoneInfo.FindSystemTimeZoneById(zone));

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}

using System.Globalization;
using UrbanSensing.Protocol;
using UrbanSensing.Storage.Aggregation;

namespace UrbanSensing.Storage.InfluxDb.Tests;

/// <summary>
/// <see cref="InfluxDbStore.AggregateAsync"/> against InfluxDB 1.x, checked against the contract's reference,
/// <see cref="WindowAggregator"/> over the same readings, in zones whose clocks change by an hour at night (Paris), by
/// half an hour (Lord Howe Island), at midnight (Santiago), never (UTC) or sit half an hour off the hour (Kolkata).
/// </summary>
public sealed class InfluxDbStoreAggregationTests(AggregationReadings data) : IClassFixture<AggregationReadings>
{
    private static readonly ReadingQuery Everything = new([], [], DateTimeOffset.MinValue, DateTimeOffset.MaxValue);

    private static readonly Aggregate[] ComputedByInfluxDb =
        [Aggregate.Mean, new(AggregateFunction.Min), new(AggregateFunction.Max), new(AggregateFunction.Sum), new(AggregateFunction.Count), new(AggregateFunction.Last)];

    private static readonly string[] Zones = ["Europe/Paris", "UTC", "Asia/Kolkata", "Australia/Lord_Howe", "America/Santiago"];

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> WindowsAndZones =>
    [
        .. from window in AggregationWindow.All
           from zone in Zones
           select (window.ToString(), zone),
    ];

    [Theory]
    [MemberData(nameof(WindowsAndZones))]
    public async Task AggregateAsync_EveryReadingInWindowAndZone_MatchesTheReferenceAggregator(string window, string zone)
    {
        var query = new AggregateQuery(Everything, AggregationWindow.Parse(window), ComputedByInfluxDb, TimeZoneInfo.FindSystemTimeZoneById(zone));

        await AssertMatchesReferenceAsync(query);
    }

    [Theory]
    [InlineData("15m")]
    [InlineData("2h")]
    [InlineData("1d")]
    [InlineData("1w")]
    [InlineData("1mo")]
    public async Task AggregateAsync_FilteredSelectionCutInsideWindows_MatchesTheReferenceAggregator(string window)
    {
        // From and To fall inside windows, a few minutes after the clock changed: the windows keep their bounds, not their readings.
        var selection = new ReadingQuery(
            ["a", "unknown"],
            [Quantities.AirTemperature, Quantities.Pm25],
            new DateTimeOffset(2025, 3, 30, 1, 7, 0, TimeSpan.Zero),
            new DateTimeOffset(2025, 10, 26, 1, 7, 0, TimeSpan.Zero),
            ExcludeFlagged: true);

        await AssertMatchesReferenceAsync(new AggregateQuery(selection, AggregationWindow.Parse(window), ComputedByInfluxDb, Paris));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100_000)]
    public async Task AggregateAsync_Limit_ReturnsTheFirstWindowsInChannelOrder(int limit)
    {
        await AssertMatchesReferenceAsync(new AggregateQuery(Everything with { Limit = limit }, AggregationWindow.OneDay, ComputedByInfluxDb, Paris));
    }

    [Fact]
    public async Task AggregateAsync_PercentilesWithOtherAggregates_MatchTheReferenceAggregator()
    {
        Aggregate[] aggregates = [Aggregate.Parse("p5"), Aggregate.Mean, Aggregate.Parse("p50"), Aggregate.Parse("p95"), Aggregate.Parse("last")];

        await AssertMatchesReferenceAsync(new AggregateQuery(Everything with { ExcludeFlagged = true }, AggregationWindow.Parse("3h"), aggregates, Paris));
    }

    [Fact]
    public async Task AggregateAsync_NoReadingInTheRange_ReturnsNothing()
    {
        var selection = Everything with { From = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero), To = new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero) };

        Assert.Empty(await data.Store.AggregateAsync(new AggregateQuery(selection, AggregationWindow.OneDay, ComputedByInfluxDb, Paris), Token).ToListAsync(Token));
    }

    [Fact]
    public async Task AggregateAsync_DaysAndHoursAcrossParisChanges_FollowTheWallClock()
    {
        // A reading every ten minutes for five days from 28 March and from 24 October 2025, 00:00 UTC.
        var database = await data.Server.CreateDatabaseAsync(Token);
        await using var store = new InfluxDbStore(new InfluxDbStoreOptions
        {
            Url = data.Server.Url.ToString(),
            WriteEndpoint = InfluxDbWriteEndpoint.V1,
            Database = database,
        });
        DateTimeOffset[] starts = [new(2025, 3, 28, 0, 0, 0, TimeSpan.Zero), new(2025, 10, 24, 0, 0, 0, TimeSpan.Zero)];
        const int Readings = 2 * 6 * 24 * 5;
        await store.AppendAsync(
            [.. starts.SelectMany(start => Enumerable.Range(0, Readings / 2).Select(step => TestReadings.Temperature("a", start.AddMinutes(10 * step), 1)))],
            Token);

        var days = await CountsAsync(store, AggregationWindow.OneDay);
        var hours = await CountsAsync(store, AggregationWindow.OneHour);
        var twoHours = await CountsAsync(store, AggregationWindow.Parse("2h"));

        Assert.Equal(23 * 6, days["2025-03-30T00:00+01:00/2025-03-31T00:00+02:00"]);
        Assert.Equal(25 * 6, days["2025-10-26T00:00+02:00/2025-10-27T00:00+01:00"]);
        Assert.Equal(6, hours["2025-03-30T01:00+01:00/2025-03-30T03:00+02:00"]);
        Assert.Equal(6, hours["2025-10-26T02:00+02:00/2025-10-26T02:00+01:00"]);
        Assert.Equal(6, hours["2025-10-26T02:00+01:00/2025-10-26T03:00+01:00"]);

        // Where InfluxQL's own tz('Europe/Paris') puts 18 readings in a window from 02:00+02:00 (count) or 02:00+01:00 (max).
        Assert.Equal(6, twoHours["2025-10-26T02:00+02:00/2025-10-26T02:00+01:00"]);
        Assert.Equal(12, twoHours["2025-10-26T02:00+01:00/2025-10-26T04:00+01:00"]);
        Assert.Equal(Readings, days.Values.Sum());
        Assert.Equal(Readings, hours.Values.Sum());
    }

    /// <summary>The count of each window by its start and end with their offsets, as in <c>2025-10-26T02:00+02:00/2025-10-26T02:00+01:00</c>.</summary>
    private static async Task<Dictionary<string, double>> CountsAsync(InfluxDbStore store, AggregationWindow window)
    {
        var query = new AggregateQuery(Everything, window, [new(AggregateFunction.Count)], Paris);
        var windows = await store.AggregateAsync(query, Token).ToListAsync(Token);
        return windows.ToDictionary(
            aggregated => string.Create(CultureInfo.InvariantCulture, $"{aggregated.Start:yyyy-MM-ddTHH:mmzzz}/{aggregated.End:yyyy-MM-ddTHH:mmzzz}"),
            aggregated => aggregated.Values[0]);
    }

    private async Task AssertMatchesReferenceAsync(AggregateQuery query)
    {
        var selection = query.Selection;
        var selected = data.Readings.Where(reading =>
            reading.Timestamp >= selection.From
            && reading.Timestamp < selection.To
            && (selection.DeviceIds.Count == 0 || selection.DeviceIds.Contains(reading.DeviceId))
            && (selection.Quantities.Count == 0 || selection.Quantities.Contains(reading.Quantity))
            && (!selection.ExcludeFlagged || reading.Flags == QualityFlags.None));
        var expected = await WindowAggregator.AggregateAsync(selected.ToAsyncEnumerable(), query, Token).ToListAsync(Token);

        var actual = await data.Store.AggregateAsync(query, Token).ToListAsync(Token);

        Assert.NotEmpty(expected);
        AggregatedWindowAssert.Equal(expected, actual);
    }
}

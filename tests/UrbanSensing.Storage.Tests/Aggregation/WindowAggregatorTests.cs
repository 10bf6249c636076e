using System.Globalization;
using UrbanSensing.Protocol;
using UrbanSensing.Storage.Aggregation;

namespace UrbanSensing.Storage.Tests.Aggregation;

public sealed class WindowAggregatorTests
{
    private static readonly TimeZoneInfo Paris = TestTimeZones.Paris;

    private static readonly Aggregate[] EveryAggregate =
        [.. "mean min max sum count last p25 p50 p75".Split(' ').Select(Aggregate.Parse)];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AggregateAsync_EveryAggregate_HandComputedValuesPerWindow()
    {
        Reading[] readings =
        [
            Temperature("a", "2025-06-01T10:05Z", 4),
            Temperature("a", "2025-06-01T10:15Z", 1),
            Temperature("a", "2025-06-01T10:30Z", 3),
            Temperature("a", "2025-06-01T10:59:59.999999Z", 2),
            Temperature("a", "2025-06-01T11:00Z", -7.5),
        ];

        var windows = await AggregateAsync(readings, AggregationWindow.OneHour, TimeZoneInfo.Utc, EveryAggregate);

        Assert.Equal(2, windows.Count);
        Assert.Equal((Instant("2025-06-01T10:00Z"), Instant("2025-06-01T11:00Z")), (windows[0].Start, windows[0].End));
        // Sorted, the first window's values are 1, 2, 3, 4; the last one read is 2.
        Assert.Equal([2.5, 1, 4, 10, 4, 2, 1.75, 2.5, 3.25], windows[0].Values);
        Assert.Equal((Instant("2025-06-01T11:00Z"), Instant("2025-06-01T12:00Z")), (windows[1].Start, windows[1].End));
        Assert.Equal([-7.5, -7.5, -7.5, -7.5, 1, -7.5, -7.5, -7.5, -7.5], windows[1].Values);
    }

    [Fact]
    public async Task AggregateAsync_AggregatesInTheQuerysOrder_ValuesInThatOrder()
    {
        Reading[] readings = [Temperature("a", "2025-06-01T10:05Z", 4), Temperature("a", "2025-06-01T10:15Z", 1)];

        Aggregate[] aggregates = [Aggregate.Parse("last"), Aggregate.Parse("p50"), Aggregate.Parse("count"), Aggregate.Parse("max"), Aggregate.Parse("p50")];

        var windows = await AggregateAsync(readings, AggregationWindow.OneDay, TimeZoneInfo.Utc, aggregates);

        Assert.Equal([1, 2.5, 2, 4, 2.5], Assert.Single(windows).Values);
    }

    [Theory]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 25, 1.75)]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 50, 2.5)]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 75, 3.25)]
    [InlineData(new[] { 1.0, 2, 3, 4, 7, 10 }, 50, 3.5)]
    [InlineData(new[] { 15.0, 20, 35, 40, 50 }, 40, 29)]
    [InlineData(new[] { 1.0, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 99.9, 9.991)]
    [InlineData(new[] { 7.0 }, 1, 7)]
    [InlineData(new[] { 7.0 }, 99, 7)]
    public void Percentile_SortedValues_LinearInterpolationBetweenClosestRanks(double[] sorted, double percentile, double expected)
    {
        // numpy.percentile's default method 'linear' (Hyndman and Fan's type 7): its documentation gives 3.5 as the
        // median of [[10, 7, 4], [3, 2, 1]]; Wikipedia's "Percentile" gives 29 as the 40th percentile of
        // [15, 20, 35, 40, 50] with the C = 1 variant, the one NumPy and Excel's PERCENTILE.INC use.
        Assert.Equal(expected, WindowAggregator.Percentile(sorted, percentile), 12);
    }

    [Fact]
    public void Percentile_NoValues_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WindowAggregator.Percentile([], 50));

    [Fact]
    public async Task AggregateAsync_TwoChannelsOverSeveralWindows_OneResultPerChannelAndWindowWithoutEmptyOnes()
    {
        var windows = await AggregateAsync(TwoChannels(), AggregationWindow.OneHour, TimeZoneInfo.Utc, [Aggregate.Parse("count"), Aggregate.Parse("sum")]);

        Assert.Equal(
            [
                ("a", "air-temperature", "2025-06-01T00:00+00:00", 2.0, 3.0),
                ("a", "air-temperature", "2025-06-01T01:00+00:00", 1, 3),
                ("a", "air-temperature", "2025-06-01T03:00+00:00", 2, 9),
                ("a", "relative-humidity", "2025-06-01T00:00+00:00", 1, 50),
                ("b", "air-temperature", "2025-06-01T00:00+00:00", 1, 6),
                ("b", "air-temperature", "2025-06-01T01:00+00:00", 1, 7),
            ],
            windows.Select(window => (window.DeviceId, window.Quantity.Name, Text(window.Start), window.Values[0], window.Values[1])));
        Assert.All(windows, window => Assert.Equal(TimeSpan.FromHours(1), window.End - window.Start));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(100)]
    public async Task AggregateAsync_Limit_TheFirstWindowsOnly(int limit)
    {
        var all = await AggregateAsync(TwoChannels(), AggregationWindow.OneHour, TimeZoneInfo.Utc, [Aggregate.Mean]);

        var limited = await AggregateAsync(TwoChannels(), AggregationWindow.OneHour, TimeZoneInfo.Utc, [Aggregate.Mean], limit);

        Assert.Equal(all.Take(limit).Select(Text), limited.Select(Text));
    }

    [Fact]
    public async Task AggregateAsync_LimitZero_NoWindows() =>
        Assert.Empty(await AggregateAsync(TwoChannels(), AggregationWindow.OneHour, TimeZoneInfo.Utc, [Aggregate.Mean], limit: 0));

    [Fact]
    public async Task AggregateAsync_NoReadings_NoWindows() =>
        Assert.Empty(await AggregateAsync([], AggregationWindow.OneDay, Paris, EveryAggregate));

    [Fact]
    public async Task AggregateAsync_ParisReadingsAtHalfPastTwoTwiceOn26October_TwoHourlyWindowsOneDailyOf25Hours()
    {
        Reading[] readings = [Temperature("a", "2025-10-26T02:30+02:00", 1), Temperature("a", "2025-10-26T02:30+01:00", 2)];

        var hourly = await AggregateAsync(readings, AggregationWindow.OneHour, Paris, [Aggregate.Mean]);
        var daily = await AggregateAsync(readings, AggregationWindow.OneDay, Paris, [Aggregate.Mean]);

        Assert.Equal(
            ["2025-10-26T02:00+02:00 2025-10-26T02:00+01:00 1", "2025-10-26T02:00+01:00 2025-10-26T03:00+01:00 2"],
            hourly.Select(Text));
        Assert.Equal(["2025-10-26T00:00+02:00 2025-10-27T00:00+01:00 1.5"], daily.Select(Text));
    }

    /// <summary>In store order: device, sensor, quantity, then time.</summary>
    private static Reading[] TwoChannels() =>
    [
        Temperature("a", "2025-06-01T00:05Z", 1),
        Temperature("a", "2025-06-01T00:50Z", 2),
        Temperature("a", "2025-06-01T01:10Z", 3),
        Temperature("a", "2025-06-01T03:20Z", 4),
        Temperature("a", "2025-06-01T03:59Z", 5),
        new Reading("a", "sht31", Quantities.RelativeHumidity, Instant("2025-06-01T00:15Z"), 50, null),
        Temperature("b", "2025-06-01T00:30Z", 6),
        Temperature("b", "2025-06-01T01:30Z", 7),
    ];

    private static async Task<List<AggregatedWindow>> AggregateAsync(
        IEnumerable<Reading> readings,
        AggregationWindow window,
        TimeZoneInfo zone,
        IReadOnlyList<Aggregate> aggregates,
        int? limit = null)
    {
        var query = new AggregateQuery(new ReadingQuery([], [], DateTimeOffset.MinValue, DateTimeOffset.MaxValue, limit), window, aggregates, zone);
        return await WindowAggregator.AggregateAsync(readings.ToAsyncEnumerable(), query, Token).ToListAsync(Token);
    }

    private static Reading Temperature(string deviceId, string time, double value) =>
        new(deviceId, "sht31", Quantities.AirTemperature, Instant(time), value, null);

    private static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private static string Text(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture);

    private static string Text(AggregatedWindow window) =>
        string.Create(CultureInfo.InvariantCulture, $"{Text(window.Start)} {Text(window.End)} {string.Join(' ', window.Values)}");
}

using System.Net;
using UrbanSensing.Protocol;
using static UrbanSensing.Storage.InfluxDb.Tests.TestReadings;

namespace UrbanSensing.Storage.InfluxDb.Tests;

/// <summary>The V1 write path and InfluxQL queries against InfluxDB 1.x, each test in a database of its own.</summary>
public sealed class InfluxDbStoreInfluxDb1Tests(InfluxDb1Server server) : IClassFixture<InfluxDb1Server>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AppendAsync_MixedBatch_QueryReturnsExactlyTheReadingsInKeyOrderAtOffsetZero()
    {
        await using var store = await StoreAsync();
        var late = Temperature("b", T0, 21.5, sequence: 7);
        var pm = new Reading("a", "sps30", Quantities.Pm25, T0.AddSeconds(1), 0.1 + 0.2, null);
        var humidity = new Reading("a", "sht31", Quantities.RelativeHumidity, T0, 55.125, 3);
        var first = Temperature("a", T0.ToOffset(TimeSpan.FromHours(2)), -3.75, sequence: 1);
        var second = Temperature("a", T0 + Microsecond, 20, sequence: 2);
        var rain = new Reading("a", "rg", Quantities.RainfallDepth, T0, 1e-5, null);
        var level = new Reading("c", "ultrasonic", Quantities.WaterLevel, T0, double.MaxValue, long.MaxValue);
        var surface = new Reading("c", "mlx90614", Quantities.SurfaceTemperature, T0, double.Epsilon, 0);

        await store.AppendAsync([late, pm, surface, humidity, second, rain, first, level], Token);

        var stored = await QueryAsync(store, Everything);
        Assert.Equal([rain, first, second, humidity, pm, late, surface, level], stored);
        Assert.All(stored, reading => Assert.Equal(TimeSpan.Zero, reading.Timestamp.Offset));
        Assert.Equal(T0.UtcTicks + 10, stored[2].Timestamp.UtcTicks);
    }

    [Fact]
    public async Task AppendAsync_SameBatchTwice_StoresEachReadingOnce()
    {
        await using var store = await StoreAsync();
        Reading[] batch = [Temperature("a", T0, 1, sequence: 1), Temperature("a", T0.AddSeconds(1), 2), Temperature("b", T0, 3)];

        await store.AppendAsync(batch, Token);
        await store.AppendAsync(batch, Token);

        Assert.Equal(batch, await QueryAsync(store, Everything));
    }

    [Fact]
    public async Task AppendAsync_KeyWrittenAgainWithAnotherValue_KeepsTheLastValue()
    {
        await using var store = await StoreAsync();

        await store.AppendAsync([Temperature("a", T0, 1, sequence: 1)], Token);
        await store.AppendAsync([Temperature("a", T0, 99, sequence: 2)], Token);

        // Unlike the DuckDB store, where the first reading of a key wins: InfluxDB overwrites a point's fields.
        Assert.Equal([Temperature("a", T0, 99, sequence: 2)], await QueryAsync(store, Everything));
    }

    [Fact]
    public async Task AppendAsync_BatchLargerThanBatchSize_StoresEveryReading()
    {
        await using var store = await StoreAsync(batchSize: 3);
        var readings = Enumerable.Range(0, 10).Select(second => Temperature("a", T0.AddSeconds(second), second, sequence: second)).ToArray();

        await store.AppendAsync(readings, Token);

        Assert.Equal(readings, await QueryAsync(store, Everything));
    }

    [Fact]
    public async Task AppendAsync_GzipOff_StoresTheReadings()
    {
        await using var store = await StoreAsync(gzip: false);
        Reading[] readings = [Temperature("a", T0, 1), Temperature("b", T0, 2)];

        await store.AppendAsync(readings, Token);

        Assert.Equal(readings, await QueryAsync(store, Everything));
    }

    [Fact]
    public async Task AppendAsync_DeviceTags_AreStoredAsTagsWithTheirSpacesCommasAndEquals()
    {
        var tags = new DeviceTags("Place du Théâtre, Lille", "district=Vieux Lille", "LCZ 2");
        var database = await server.CreateDatabaseAsync(Token);
        await using var store = Store(database, deviceTags: device => device == "a" ? tags : null);
        Reading[] readings = [Temperature("a", T0, 1), Temperature("b", T0, 2)];

        await store.AppendAsync(readings, Token);

        Assert.Equal(readings, await QueryAsync(store, Everything));
        var tagValues = await server.QueryAsync("SHOW TAG VALUES FROM \"air\" WITH KEY IN (\"site\", \"district\", \"lcz\")", database, Token);
        Assert.Equal(
            ["district=district=Vieux Lille", "lcz=LCZ 2", "site=Place du Théâtre, Lille"],
            tagValues.GetProperty("series")[0].GetProperty("values").EnumerateArray()
                .Select(pair => $"{pair[0].GetString()}={pair[1].GetString()}")
                .Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AppendAsync_DatabaseMissing_ThrowsNamingIt()
    {
        await using var store = Store("never_created");

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => store.AppendAsync([Temperature("a", T0, 1)], Token));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains("never_created", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppendAsync_BatchWithAnUnwritableReading_ThrowsAndWritesNothingOfIt()
    {
        await using var store = await StoreAsync(batchSize: 1);
        var earlier = Temperature("a", T0, 1);
        await store.AppendAsync([earlier], Token);

        await Assert.ThrowsAsync<ArgumentException>(
            () => store.AppendAsync([Temperature("a", T0.AddSeconds(1), 2), Temperature("a", T0.AddSeconds(2), double.PositiveInfinity)], Token));

        Assert.Equal([earlier], await QueryAsync(store, Everything));
    }

    [Fact]
    public async Task QueryAsync_DeviceFilter_ReturnsOnlyThoseDevices()
    {
        await using var store = await StoreAsync();
        var a = Temperature("a", T0, 1);
        var b = Temperature("b", T0, 2);
        var quoted = Temperature("it's", T0, 3);
        await store.AppendAsync([a, b, quoted], Token);

        var selected = await QueryAsync(store, Everything with { DeviceIds = ["it's", "a", "unknown"] });

        Assert.Equal([a, quoted], selected);
    }

    [Fact]
    public async Task QueryAsync_QuantityFilter_ReturnsOnlyThoseQuantities()
    {
        await using var store = await StoreAsync();
        var temperature = Temperature("a", T0, 1);
        var humidity = new Reading("a", "sht31", Quantities.RelativeHumidity, T0, 50, null);
        var pm = new Reading("a", "sps30", Quantities.Pm25, T0, 8, null);
        var rain = new Reading("a", "rg", Quantities.RainfallDepth, T0, 0.2, null);
        await store.AppendAsync([temperature, humidity, pm, rain], Token);

        var selected = await QueryAsync(store, Everything with { Quantities = [Quantities.Pm25, Quantities.RelativeHumidity, Quantities.RainfallDepth] });

        Assert.Equal([rain, humidity, pm], selected);
    }

    [Fact]
    public async Task QueryAsync_TimeRange_IncludesFromAndExcludesTo()
    {
        await using var store = await StoreAsync();
        var before = Temperature("a", T0 - Microsecond, 0);
        var atFrom = Temperature("a", T0, 1);
        var inside = Temperature("a", T0.AddSeconds(1), 2);
        var lastInside = Temperature("a", T0.AddSeconds(2) - Microsecond, 3);
        var atTo = Temperature("a", T0.AddSeconds(2), 4);
        await store.AppendAsync([before, atFrom, inside, lastInside, atTo], Token);

        // Bounds given in another offset still name the same instants.
        var range = Everything with { From = T0.ToOffset(TimeSpan.FromHours(-5)), To = T0.AddSeconds(2).ToOffset(TimeSpan.FromHours(9)) };

        Assert.Equal([atFrom, inside, lastInside], await QueryAsync(store, range));
    }

    [Fact]
    public async Task QueryAsync_Limit_ReturnsTheFirstReadingsInKeyOrderAcrossSeries()
    {
        await using var store = await StoreAsync();
        string[] devices = ["c", "a", "b"];
        var readings = devices
            .SelectMany(device => Enumerable.Range(0, 3).Select(second => Temperature(device, T0.AddSeconds(second), second)))
            .ToArray();
        await store.AppendAsync(readings.Reverse().ToArray(), Token);
        var inKeyOrder = readings.OrderBy(reading => reading.DeviceId, StringComparer.Ordinal).ThenBy(reading => reading.Timestamp).ToArray();

        Assert.Equal(inKeyOrder[..2], await QueryAsync(store, Everything with { Limit = 2 }));
        Assert.Equal(inKeyOrder[..4], await QueryAsync(store, Everything with { Limit = 4 }));
        Assert.Equal(inKeyOrder, await QueryAsync(store, Everything with { Limit = 100 }));
    }

    [Fact]
    public async Task AppendAsync_FlaggedReadings_QueryReturnsTheirFlags()
    {
        await using var store = await StoreAsync();
        Reading[] readings =
        [
            Temperature("a", T0, 1, sequence: 1),
            Temperature("a", T0.AddSeconds(1), 2, sequence: 2) with { Flags = QualityFlags.Unregistered },
            Temperature("a", T0.AddSeconds(2), 3) with { Flags = (QualityFlags)6 },
        ];

        await store.AppendAsync(readings, Token);

        Assert.Equal(readings, await QueryAsync(store, Everything));
    }

    [Fact]
    public async Task AppendAsync_FlagsChangedOnRedelivery_KeepsTheLastFlags()
    {
        await using var store = await StoreAsync();

        await store.AppendAsync([Temperature("a", T0, 1)], Token);
        await store.AppendAsync([Temperature("a", T0, 1) with { Flags = QualityFlags.Unregistered }], Token);

        Assert.Equal([Temperature("a", T0, 1) with { Flags = QualityFlags.Unregistered }], await QueryAsync(store, Everything));
    }

    [Fact]
    public async Task AppendAsync_ReadingRedeliveredAfterItsFlagsWereSet_OverwritesThemWithTheAppendedFlags()
    {
        await using var store = await StoreAsync();
        var stored = Temperature("a", T0, 1) with { Flags = QualityFlags.Unregistered };
        await store.AppendAsync([stored], Token);
        await store.SetQualityFlagsAsync([FlagUpdate("a", T0, QualityFlags.Spike)], QualityFlags.Spike, Token);

        await store.AppendAsync([stored], Token);

        // Unlike the DuckDB store, which keeps the stored reading: the next quality-control pass sets the flags again.
        Assert.Equal([stored], await QueryAsync(store, Everything));
    }

    [Fact]
    public async Task SetQualityFlagsAsync_DeviceTagsChangedSinceTheReadingWasWritten_UpdatesTheStoredPointAndAddsNoSeries()
    {
        var database = await server.CreateDatabaseAsync(Token);
        var site = "Gare Lille-Flandres";
        await using var store = Store(database, deviceTags: _ => new DeviceTags(site, "Lille-Centre", null));
        var reading = Temperature("a", T0, 21.5, sequence: 3);
        await store.AppendAsync([reading], Token);
        site = "Euralille";

        var matched = await store.SetQualityFlagsAsync([FlagUpdate("a", T0, QualityFlags.Spike)], QualityFlags.Spike, Token);

        Assert.Equal(1, matched);
        Assert.Equal([reading with { Flags = QualityFlags.Spike }], await QueryAsync(store, Everything));
        var series = await server.QueryAsync("SHOW SERIES", database, Token);
        Assert.Equal(
            @"air,device=a,district=Lille-Centre,quantity=air-temperature,sensor=sht31,site=Gare\ Lille-Flandres",
            Assert.Single(series.GetProperty("series")[0].GetProperty("values").EnumerateArray())[0].GetString());
    }

    [Fact]
    public async Task SetQualityFlagsAsync_ReadingInTwoSeriesOfItsChannel_UpdatesBothAndCountsItOnce()
    {
        var database = await server.CreateDatabaseAsync(Token);
        var site = "Gare Lille-Flandres";
        await using var store = Store(database, deviceTags: _ => new DeviceTags(site, null, null));
        var reading = Temperature("a", T0, 21.5);
        await store.AppendAsync([reading], Token);
        site = "Euralille";
        await store.AppendAsync([reading], Token);

        var matched = await store.SetQualityFlagsAsync([FlagUpdate("a", T0, QualityFlags.Spike)], QualityFlags.Spike, Token);

        Assert.Equal(1, matched);
        Assert.Equal([reading with { Flags = QualityFlags.Spike }, reading with { Flags = QualityFlags.Spike }], await QueryAsync(store, Everything));
    }

    [Fact]
    public async Task SetQualityFlagsAsync_PointWithoutQc_ThrowsAndWritesNothing()
    {
        var database = await server.CreateDatabaseAsync(Token);
        await server.WriteAsync(database, $"air,device=elsewhere,quantity=air-temperature,sensor=sht31 value=1 {T0Nanoseconds}", Token);
        await using var store = Store(database);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => store.SetQualityFlagsAsync([FlagUpdate("elsewhere", T0, QualityFlags.Spike)], QualityFlags.Spike, Token));

        Assert.Contains("'elsewhere'", error.Message, StringComparison.Ordinal);
        var fields = await server.QueryAsync("SHOW FIELD KEYS FROM \"air\"", database, Token);
        Assert.Equal("value", Assert.Single(fields.GetProperty("series")[0].GetProperty("values").EnumerateArray())[0].GetString());
    }

    [Fact]
    public async Task QueryAsync_ExcludeFlagged_LeavesFlaggedReadingsOutBeforeTheLimit()
    {
        await using var store = await StoreAsync();
        var flagged = Temperature("a", T0, 1) with { Flags = QualityFlags.Unregistered };
        var kept = Temperature("a", T0.AddSeconds(1), 2);
        var otherDevice = Temperature("b", T0, 3);
        await store.AppendAsync([flagged, kept, otherDevice, new Reading("b", "sps30", Quantities.Pm25, T0, 4, null, QualityFlags.Unregistered)], Token);

        Assert.Equal([kept, otherDevice], await QueryAsync(store, Everything with { ExcludeFlagged = true }));
        Assert.Equal([kept], await QueryAsync(store, Everything with { ExcludeFlagged = true, Limit = 1 }));
        Assert.Equal([flagged], await QueryAsync(store, Everything with { Limit = 1 }));
    }

    [Fact]
    public async Task QueryAsync_PointsWrittenWithQcZeroBeforeFlagsExisted_AreUnflagged()
    {
        var database = await server.CreateDatabaseAsync(Token);
        await server.WriteAsync(database, $"air,device=a,quantity=air-temperature,sensor=sht31 value=21.5,qc=0i,seq=7i {T0Nanoseconds}", Token);
        await using var store = Store(database);

        Assert.Equal([Temperature("a", T0, 21.5, sequence: 7)], await QueryAsync(store, Everything));
        Assert.Equal([Temperature("a", T0, 21.5, sequence: 7)], await QueryAsync(store, Everything with { ExcludeFlagged = true }));
    }

    [Fact]
    public async Task QueryAsync_PointWithoutQc_ThrowsNamingTheDevice()
    {
        var database = await server.CreateDatabaseAsync(Token);
        await server.WriteAsync(database, $"air,device=elsewhere,quantity=air-temperature,sensor=s value=1 {T0Nanoseconds}", Token);
        await using var store = Store(database);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => QueryAsync(store, Everything));

        Assert.Contains("'elsewhere'", error.Message, StringComparison.Ordinal);
        Assert.Contains("qc", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_UnknownQuantityInTheDatabase_ThrowsNamingIt()
    {
        var database = await server.CreateDatabaseAsync(Token);
        await server.WriteAsync(database, $"air,device=a,quantity=ozone,sensor=s value=1,qc=0i {T0Nanoseconds}", Token);
        await using var store = Store(database);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => QueryAsync(store, Everything));

        Assert.Contains("'ozone'", error.Message, StringComparison.Ordinal);
    }

    private static QualityFlagUpdate FlagUpdate(string deviceId, DateTimeOffset timestamp, QualityFlags flags) =>
        new(deviceId, "sht31", Quantities.AirTemperature, timestamp, flags);

    private async Task<InfluxDbStore> StoreAsync(int batchSize = 5000, bool gzip = true) =>
        Store(await server.CreateDatabaseAsync(Token), batchSize, gzip);

    private InfluxDbStore Store(string database, int batchSize = 5000, bool gzip = true, Func<string, DeviceTags?>? deviceTags = null) => new(
        new InfluxDbStoreOptions
        {
            Url = server.Url.ToString(),
            WriteEndpoint = InfluxDbWriteEndpoint.V1,
            Database = database,
            BatchSize = batchSize,
            Gzip = gzip,
        },
        deviceTags);

    private static async Task<List<Reading>> QueryAsync(InfluxDbStore store, ReadingQuery query) =>
        await store.QueryAsync(query, Token).ToListAsync(Token);
}

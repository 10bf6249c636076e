using System.Net;
using System.Text;
using System.Web;
using UrbanSensing.Protocol;
using UrbanSensing.Storage.Aggregation;
using static UrbanSensing.Storage.InfluxDb.Tests.TestReadings;
using UrbanSensing.Tests.Shared;

namespace UrbanSensing.Storage.InfluxDb.Tests;

/// <summary>What the store puts on the wire and how it takes the answers, against a server that records requests.</summary>
public sealed class InfluxDbStoreHttpTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AppendAsync_V2WithGzip_PostsGzippedLinesToApiV2WriteWithOrgBucketAndToken()
    {
        await using var server = new RecordingHttpServer();
        await using var store = new InfluxDbStore(new InfluxDbStoreOptions
        {
            Url = server.Url,
            Token = "secret-token",
            Organization = "lille",
            Bucket = "sensors",
        });

        await store.AppendAsync([Temperature("a", T0, 21.5, sequence: 7), Temperature("b", T0, -3.75)], Token);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/v2/write", request.Path);
        Assert.Equal("lille", request.Query["org"]);
        Assert.Equal("sensors", request.Query["bucket"]);
        Assert.Equal("ns", request.Query["precision"]);
        Assert.Equal("Token secret-token", request.Headers["Authorization"]);
        Assert.Equal("gzip", request.Headers["Content-Encoding"]);
        Assert.Equal(
            $"air,device=a,quantity=air-temperature,sensor=sht31 value=21.5,qc=0i,seq=7i {T0Nanoseconds}\n" +
            $"air,device=b,quantity=air-temperature,sensor=sht31 value=-3.75,qc=0i {T0Nanoseconds}",
            request.Text);
    }

    [Fact]
    public async Task AppendAsync_V1WithGzipAndRetentionPolicy_PostsGzippedLinesToWrite()
    {
        await using var server = new RecordingHttpServer();
        await using var store = new InfluxDbStore(new InfluxDbStoreOptions
        {
            Url = server.Url,
            WriteEndpoint = InfluxDbWriteEndpoint.V1,
            Database = "urban sensing",
            RetentionPolicy = "one_year",
        });

        await store.AppendAsync([Temperature("a", T0, 21.5)], Token);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/write", request.Path);
        Assert.Equal("urban sensing", request.Query["db"]);
        Assert.Equal("one_year", request.Query["rp"]);
        Assert.Equal("ns", request.Query["precision"]);
        Assert.Null(request.Headers["Authorization"]);
        Assert.Equal("gzip", request.Headers["Content-Encoding"]);
        Assert.Equal($"air,device=a,quantity=air-temperature,sensor=sht31 value=21.5,qc=0i {T0Nanoseconds}", request.Text);
    }

    [Theory]
    [InlineData(InfluxDbWriteEndpoint.V1)]
    [InlineData(InfluxDbWriteEndpoint.V2)]
    public async Task AppendAsync_GzipOff_PostsPlainLines(InfluxDbWriteEndpoint endpoint)
    {
        await using var server = new RecordingHttpServer();
        await using var store = new InfluxDbStore(Options(server, endpoint, gzip: false));

        await store.AppendAsync([Temperature("a", T0, 1)], Token);

        var request = Assert.Single(server.Requests);
        Assert.NotEqual("gzip", request.Headers["Content-Encoding"]);
        Assert.StartsWith("air,device=a,", Encoding.UTF8.GetString(request.Body), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(InfluxDbWriteEndpoint.V1)]
    [InlineData(InfluxDbWriteEndpoint.V2)]
    public async Task AppendAsync_SevenReadingsWithBatchSizeThree_SendsThreeRequestsInOrder(InfluxDbWriteEndpoint endpoint)
    {
        await using var server = new RecordingHttpServer();
        await using var store = new InfluxDbStore(Options(server, endpoint, batchSize: 3));
        var readings = Enumerable.Range(0, 7).Select(index => Temperature($"d{index}", T0, index)).ToArray();

        await store.AppendAsync(readings, Token);

        var bodies = server.Requests.Select(request => request.Text.Split('\n')).ToArray();
        Assert.Equal([3, 3, 1], bodies.Select(lines => lines.Length));
        Assert.Equal(
            readings.Select(reading => $"air,device={reading.DeviceId},"),
            bodies.SelectMany(lines => lines).Select(line => line[..(line.IndexOf(',', 4) + 1)]));
    }

    [Theory]
    [InlineData(InfluxDbWriteEndpoint.V1)]
    [InlineData(InfluxDbWriteEndpoint.V2)]
    public async Task AppendAsync_ServerAnswersAnError_ThrowsWithTheStatus(InfluxDbWriteEndpoint endpoint)
    {
        await using var server = new RecordingHttpServer(HttpStatusCode.InternalServerError, """{"error":"disk full"}""");
        await using var store = new InfluxDbStore(Options(server, endpoint));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => store.AppendAsync([Temperature("a", T0, 1)], Token));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Contains("disk full", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(InfluxDbWriteEndpoint.V1)]
    [InlineData(InfluxDbWriteEndpoint.V2)]
    public async Task AppendAsync_NothingListening_Throws(InfluxDbWriteEndpoint endpoint)
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}/";
        await using var store = new InfluxDbStore(new InfluxDbStoreOptions
        {
            Url = url,
            Organization = "lille",
            WriteEndpoint = endpoint,
            Database = "urbansensing",
        });

        await Assert.ThrowsAsync<HttpRequestException>(() => store.AppendAsync([Temperature("a", T0, 1)], Token));
    }

    [Theory]
    [InlineData(InfluxDbWriteEndpoint.V1)]
    [InlineData(InfluxDbWriteEndpoint.V2)]
    public async Task AppendAsync_ServerNeverAnswers_ThrowsHttpRequestExceptionAfterTheTimeout(InfluxDbWriteEndpoint endpoint)
    {
        await using var server = new SilentServer();
        var options = Options(server.Url, endpoint);
        options.Timeout = TimeSpan.FromMilliseconds(200);
        await using var store = new InfluxDbStore(options);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => store.AppendAsync([Temperature("a", T0, 1)], Token));

        Assert.Contains("timed out after 0.2 s", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(InfluxDbWriteEndpoint.V1)]
    [InlineData(InfluxDbWriteEndpoint.V2)]
    public async Task AppendAsync_CancelledWhileWaiting_ThrowsOperationCanceled(InfluxDbWriteEndpoint endpoint)
    {
        await using var server = new SilentServer();
        await using var store = new InfluxDbStore(Options(server.Url, endpoint));
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.AppendAsync([Temperature("a", T0, 1)], cancellation.Token));
    }

    [Fact]
    public async Task QueryAsync_ServerNeverAnswers_ThrowsHttpRequestExceptionAfterTheTimeout()
    {
        await using var server = new SilentServer();
        var options = Options(server.Url, InfluxDbWriteEndpoint.V1);
        options.Timeout = TimeSpan.FromMilliseconds(200);
        await using var store = new InfluxDbStore(options);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => store.QueryAsync(Everything, Token).ToListAsync(Token).AsTask());

        Assert.Contains("timed out after 0.2 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppendAsync_BatchWithAnUnwritableReading_ThrowsBeforeSendingAnything()
    {
        await using var server = new RecordingHttpServer();
        await using var store = new InfluxDbStore(Options(server, InfluxDbWriteEndpoint.V2, batchSize: 1));

        await Assert.ThrowsAsync<ArgumentException>(
            () => store.AppendAsync([Temperature("a", T0, 1), Temperature("a", T0.AddSeconds(1), double.NaN)], Token));

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task QueryAsync_V2_ListsTheSeriesThenAsksEachChannelAgainstTheBucketAndReadsEveryChunk()
    {
        const string Series = """
            {"results":[{"statement_id":0,"series":[{"columns":["key"],"values":[["air,device=a,quantity=air-temperature,sensor=sht31,site=s1"],["air,device=a,quantity=air-temperature,sensor=sht31,site=s2"]]}]}]}
            """;
        const string Chunks = """
            {"results":[{"statement_id":0,"series":[{"name":"air","tags":{"device":"a","quantity":"air-temperature","sensor":"sht31"},"columns":["time","value","seq","qc"],"values":[[1748779200123456000,21.5,7,0]],"partial":true}],"partial":true}]}
            {"results":[{"statement_id":0,"series":[{"name":"air","tags":{"device":"a","quantity":"air-temperature","sensor":"sht31"},"columns":["time","value","seq","qc"],"values":[[1748779201123456000,21.75,8,0]]}]}]}

            """;
        await using var server = new RecordingHttpServer(HttpStatusCode.OK, Series, Chunks);
        await using var store = new InfluxDbStore(Options(server, InfluxDbWriteEndpoint.V2, token: "secret-token"));
        var query = Everything with { DeviceIds = ["a"] };

        var readings = await store.QueryAsync(query, Token).ToListAsync(Token);

        // Two series of one channel (its site changed) are one channel, asked once.
        Assert.Equal([Temperature("a", T0, 21.5, sequence: 7), Temperature("a", T0.AddSeconds(1), 21.75, sequence: 8)], readings);
        Assert.Equal(2, server.Requests.Count);
        foreach (var request in server.Requests)
        {
            Assert.Equal("POST", request.Method);
            Assert.Equal("/query", request.Path);
            Assert.Equal("Token secret-token", request.Headers["Authorization"]);
            var form = HttpUtility.ParseQueryString(request.Text);
            Assert.Equal("sensors", form["db"]);
            Assert.Null(form["rp"]);
            Assert.Equal("ns", form["epoch"]);
        }

        var statements = server.Requests.Select(request => HttpUtility.ParseQueryString(request.Text)).ToList();
        Assert.Equal(InfluxQl.ShowSeries(query), statements[0]["q"]);
        Assert.Equal(InfluxQl.SelectChannelReadings(query, new InfluxChannel("air", "a", "sht31", "air-temperature"), null), statements[1]["q"]);
        Assert.Equal("true", statements[1]["chunked"]);
    }

    [Fact]
    public async Task QueryAsync_Limit_StopsAcrossChannelsOnceReached()
    {
        const string Series = """
            {"results":[{"statement_id":0,"series":[{"columns":["key"],"values":[["air,device=b,quantity=air-temperature,sensor=sht31"],["air,device=a,quantity=air-temperature,sensor=sht31"]]}]}]}
            """;
        const string OneReadingOfA = """
            {"results":[{"statement_id":0,"series":[{"name":"air","tags":{"device":"a","quantity":"air-temperature","sensor":"sht31"},"columns":["time","value","seq","qc"],"values":[[1748779200123456000,21.5,7,0]]}]}]}
            """;
        await using var server = new RecordingHttpServer(HttpStatusCode.OK, Series, OneReadingOfA, OneReadingOfA);
        await using var store = new InfluxDbStore(Options(server, InfluxDbWriteEndpoint.V1));
        var query = Everything with { Limit = 2 };

        var readings = await store.QueryAsync(query, Token).ToListAsync(Token);

        Assert.Equal(2, readings.Count);
        var statements = server.Requests.Select(request => HttpUtility.ParseQueryString(request.Text)["q"]).ToList();
        Assert.Equal(
            [
                InfluxQl.ShowSeries(query),
                InfluxQl.SelectChannelReadings(query, new InfluxChannel("air", "a", "sht31", "air-temperature"), 2),
                InfluxQl.SelectChannelReadings(query, new InfluxChannel("air", "b", "sht31", "air-temperature"), 1),
            ],
            statements);
    }

    [Fact]
    public async Task QueryAsync_ErrorInTheResult_ThrowsWithIt()
    {
        await using var server = new RecordingHttpServer(HttpStatusCode.OK, """{"results":[{"statement_id":0,"error":"shard is gone"}]}""");
        await using var store = new InfluxDbStore(Options(server, InfluxDbWriteEndpoint.V1));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.QueryAsync(Everything, Token).ToListAsync(Token).AsTask());

        Assert.Contains("shard is gone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_LimitZeroOrEmptyRange_AsksNothing()
    {
        await using var server = new RecordingHttpServer(HttpStatusCode.InternalServerError);
        await using var store = new InfluxDbStore(Options(server, InfluxDbWriteEndpoint.V1));

        Assert.Empty(await store.QueryAsync(Everything with { Limit = 0 }, Token).ToListAsync(Token));
        Assert.Empty(await store.QueryAsync(Everything with { From = T0, To = T0 }, Token).ToListAsync(Token));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task AggregateAsync_NoReadings_AsksOnlyForTheFirstAndLastReading()
    {
        await using var server = new RecordingHttpServer(HttpStatusCode.OK, """{"results":[{"statement_id":0}]}""");
        await using var store = new InfluxDbStore(Options(server, InfluxDbWriteEndpoint.V1));
        var query = new AggregateQuery(Everything, AggregationWindow.OneDay, [Aggregate.Mean], TimeZoneInfo.Utc);

        Assert.Empty(await store.AggregateAsync(query, Token).ToListAsync(Token));

        Assert.Equal(
            [InfluxQl.SelectFirst(Everything), InfluxQl.SelectLast(Everything)],
            server.Requests.Select(request => HttpUtility.ParseQueryString(request.Text)["q"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AggregateAsync_Percentile_AsksForTheReadings()
    {
        await using var server = new RecordingHttpServer(HttpStatusCode.OK, """{"results":[{"statement_id":0}]}""");
        await using var store = new InfluxDbStore(Options(server, InfluxDbWriteEndpoint.V1));
        var query = new AggregateQuery(Everything with { Limit = 3 }, AggregationWindow.OneDay, [Aggregate.Mean, Aggregate.Parse("p95")], TimeZoneInfo.Utc);

        Assert.Empty(await store.AggregateAsync(query, Token).ToListAsync(Token));

        var request = Assert.Single(server.Requests);
        Assert.Equal(InfluxQl.ShowSeries(Everything), HttpUtility.ParseQueryString(request.Text)["q"]);
    }

    [Fact]
    public async Task AggregateAsync_LimitZeroOrEmptyRange_AsksNothing()
    {
        await using var server = new RecordingHttpServer(HttpStatusCode.InternalServerError);
        await using var store = new InfluxDbStore(Options(server, InfluxDbWriteEndpoint.V1));

        Assert.Empty(await store.AggregateAsync(new AggregateQuery(Everything with { Limit = 0 }, AggregationWindow.OneDay, [Aggregate.Mean], TimeZoneInfo.Utc), Token).ToListAsync(Token));
        Assert.Empty(await store.AggregateAsync(new AggregateQuery(Everything with { From = T0, To = T0 }, AggregationWindow.OneDay, [Aggregate.Mean], TimeZoneInfo.Utc), Token).ToListAsync(Token));
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData(InfluxDbWriteEndpoint.V1)]
    [InlineData(InfluxDbWriteEndpoint.V2)]
    public async Task SetQualityFlagsAsync_PointsFound_WritesTheQcFieldOfChangedOnesAloneUnderTheirStoredSeriesKeys(InfluxDbWriteEndpoint endpoint)
    {
        // Two series of a (its site changed), both with the reading at T0; b's flags stay as they are; c is not stored.
        const string Points =
            """{"results":[{"statement_id":0,"series":[""" +
            """{"name":"air","tags":{"device":"a","quantity":"air-temperature","sensor":"sht31","site":""},"columns":["time","value","qc"],"values":[[1748779200123456000,21.5,0],[1748779201123456000,21.75,0]]},""" +
            """{"name":"air","tags":{"device":"a","quantity":"air-temperature","sensor":"sht31","site":"X y"},"columns":["time","value","qc"],"values":[[1748779200123456000,21.5,1]]},""" +
            """{"name":"air","tags":{"device":"b","quantity":"air-temperature","sensor":"sht31","site":""},"columns":["time","value","qc"],"values":[[1748779200123456000,3,1]]}]}]}""";
        await using var server = new RecordingHttpServer(HttpStatusCode.OK, Points, "");
        await using var store = new InfluxDbStore(Options(server, endpoint));
        QualityFlagUpdate[] updates = [FlagUpdate("a", T0, QualityFlags.Spike), FlagUpdate("b", T0, QualityFlags.None), FlagUpdate("c", T0, QualityFlags.Spike)];

        var matched = await store.SetQualityFlagsAsync(updates, QualityFlags.Step | QualityFlags.Spike, Token);

        Assert.Equal(2, matched);
        Assert.Equal(2, server.Requests.Count);
        var query = HttpUtility.ParseQueryString(server.Requests.First().Text);
        InfluxChannel[] channels = [.. updates.Select(update => new InfluxChannel("air", update.DeviceId, "sht31", "air-temperature"))];
        Assert.Equal(InfluxQl.SelectStoredFlags(channels, T0Nanoseconds, T0Nanoseconds), query["q"]);
        Assert.Equal("true", query["chunked"]);
        Assert.Equal(
            $"air,device=a,quantity=air-temperature,sensor=sht31 qc=8i {T0Nanoseconds}\n" +
            $@"air,device=a,quantity=air-temperature,sensor=sht31,site=X\ y qc=9i {T0Nanoseconds}",
            server.Requests.Last().Text);
    }

    [Fact]
    public async Task SetQualityFlagsAsync_NoFlagChanges_WritesNothing()
    {
        const string Point =
            """{"results":[{"statement_id":0,"series":[{"name":"air","tags":{"device":"a","quantity":"air-temperature","sensor":"sht31"},"columns":["time","value","qc"],"values":[[1748779200123456000,21.5,9]]}]}]}""";
        await using var server = new RecordingHttpServer(HttpStatusCode.OK, Point);
        await using var store = new InfluxDbStore(Options(server, InfluxDbWriteEndpoint.V1));

        var matched = await store.SetQualityFlagsAsync([FlagUpdate("a", T0, QualityFlags.Spike)], QualityFlags.Spike, Token);

        Assert.Equal(1, matched);
        Assert.Equal("/query", Assert.Single(server.Requests).Path);
    }

    [Fact]
    public async Task SetQualityFlagsAsync_FiveChangesWithBatchSizeTwo_SendsThreeRequestsInOrder()
    {
        var rows = string.Join(",", Enumerable.Range(0, 5).Select(second => $"[{T0Nanoseconds + (second * 1_000_000_000L)},1,0]"));
        var points = $$"""{"results":[{"statement_id":0,"series":[{"name":"air","tags":{"device":"a","quantity":"air-temperature","sensor":"sht31"},"columns":["time","value","qc"],"values":[{{rows}}]}]}]}""";
        await using var server = new RecordingHttpServer(HttpStatusCode.OK, points, "");
        await using var store = new InfluxDbStore(Options(server, InfluxDbWriteEndpoint.V1, batchSize: 2));

        var matched = await store.SetQualityFlagsAsync([.. Enumerable.Range(0, 5).Select(second => FlagUpdate("a", T0.AddSeconds(second), QualityFlags.Spike))], QualityFlags.Spike, Token);

        Assert.Equal(5, matched);
        var writes = server.Requests.Skip(1).Select(request => request.Text.Split('\n')).ToArray();
        Assert.Equal([2, 2, 1], writes.Select(lines => lines.Length));
        Assert.Equal(
            Enumerable.Range(0, 5).Select(second => $"air,device=a,quantity=air-temperature,sensor=sht31 qc=8i {T0Nanoseconds + (second * 1_000_000_000L)}"),
            writes.SelectMany(lines => lines));
    }

    [Fact]
    public async Task AppendAsync_AfterDispose_ThrowsObjectDisposed()
    {
        await using var server = new RecordingHttpServer();
        var store = new InfluxDbStore(Options(server, InfluxDbWriteEndpoint.V2));
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.AppendAsync([Temperature("a", T0, 1)], Token));
    }

    private static QualityFlagUpdate FlagUpdate(string deviceId, DateTimeOffset timestamp, QualityFlags flags) =>
        new(deviceId, "sht31", Quantities.AirTemperature, timestamp, flags);

    private static InfluxDbStoreOptions Options(
        RecordingHttpServer server,
        InfluxDbWriteEndpoint endpoint,
        bool gzip = true,
        int batchSize = 5000,
        string? token = null) => Options(server.Url, endpoint, gzip, batchSize, token);

    private static InfluxDbStoreOptions Options(
        string url,
        InfluxDbWriteEndpoint endpoint,
        bool gzip = true,
        int batchSize = 5000,
        string? token = null) => new()
        {
            Url = url,
            WriteEndpoint = endpoint,
            Organization = "lille",
            Bucket = "sensors",
            Database = "urbansensing",
            Gzip = gzip,
            BatchSize = batchSize,
            Token = token,
        };
}

using System.ComponentModel.DataAnnotations;
using DuckDB.NET.Data;
using UrbanSensing.Protocol;
using UrbanSensing.Tests.Shared;

namespace UrbanSensing.Storage.DuckDb.Tests;

public sealed class DuckDbStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(1_234_560);
    private static readonly TimeSpan Microsecond = TimeSpan.FromTicks(10);

    private static readonly ReadingQuery Everything = new([], [], DateTimeOffset.MinValue, DateTimeOffset.MaxValue);

    private readonly TemporaryFolder _folder = new();

    private DuckDbStoreOptions Options => new() { Path = Path.Combine(_folder.Path, "nested", "store.duckdb") };

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AppendAsync_MixedBatch_QueryReturnsExactlyTheReadingsInKeyOrderAtOffsetZero()
    {
        await using var store = await DuckDbStore.OpenAsync(Options, Token);
        var late = Temperature("b", T0, 21.5, sequence: 7);
        var pm = new Reading("a", "sps30", Quantities.Pm25, T0.AddSeconds(1), 0.1 + 0.2, null);
        var humidity = new Reading("a", "sht31", Quantities.RelativeHumidity, T0, 55.125, 3);
        var first = Temperature("a", T0.ToOffset(TimeSpan.FromHours(2)), -3.75, sequence: 1);
        var second = Temperature("a", T0 + Microsecond, 20, sequence: 2);

        await store.AppendAsync([late, pm, humidity, second, first], Token);

        var stored = await QueryAsync(store, Everything);
        Assert.Equal([first, second, humidity, pm, late], stored);
        Assert.All(stored, reading => Assert.Equal(TimeSpan.Zero, reading.Timestamp.Offset));
        Assert.Equal(T0.UtcTicks + 10, stored[1].Timestamp.UtcTicks);
    }

    [Fact]
    public async Task AppendAsync_SameBatchTwice_StoresEachReadingOnce()
    {
        await using var store = await DuckDbStore.OpenAsync(Options, Token);
        Reading[] batch = [Temperature("a", T0, 1), Temperature("a", T0.AddSeconds(1), 2), Temperature("b", T0, 3)];

        await store.AppendAsync(batch, Token);
        await store.AppendAsync(batch, Token);

        Assert.Equal(batch, await QueryAsync(store, Everything));
    }

    [Fact]
    public async Task AppendAsync_KeyTwiceInOneBatch_StoresTheFirstOnce()
    {
        await using var store = await DuckDbStore.OpenAsync(Options, Token);
        var first = Temperature("a", T0, 1);
        var other = Temperature("b", T0, 3);

        await store.AppendAsync([first, Temperature("a", T0, 2), other], Token);

        Assert.Equal([first, other], await QueryAsync(store, Everything));
    }

    [Fact]
    public async Task AppendAsync_KeyAlreadyStored_KeepsTheStoredReading()
    {
        await using var store = await DuckDbStore.OpenAsync(Options, Token);
        var stored = Temperature("a", T0, 1, sequence: 1);

        await store.AppendAsync([stored], Token);
        await store.AppendAsync([Temperature("a", T0, 99, sequence: 2)], Token);

        Assert.Equal([stored], await QueryAsync(store, Everything));
    }

    [Fact]
    public async Task AppendAsync_BatchWithAnInvalidReading_ThrowsNamingItAndWritesNothingOfIt()
    {
        await using var store = await DuckDbStore.OpenAsync(Options, Token);
        var earlier = Temperature("a", T0, 1);
        await store.AppendAsync([earlier], Token);
        var newChannel = Temperature("b", T0.AddSeconds(1), 2);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync([newChannel, Temperature(null!, T0, 3)], Token));

        Assert.Contains("reading 1 of the batch has no device id", error.Message, StringComparison.Ordinal);
        Assert.Equal([earlier], await QueryAsync(store, Everything));

        // The failed batch's new channel was not kept half-made: storing it again works, once.
        await store.AppendAsync([newChannel, Temperature("c", T0, 4)], Token);
        await store.AppendAsync([newChannel], Token);
        Assert.Equal([earlier, newChannel, Temperature("c", T0, 4)], await QueryAsync(store, Everything));
    }

    [Fact]
    public async Task AppendAsync_BatchSpanningAMonthRedelivered_StoresEachReadingOnce()
    {
        await using var store = await DuckDbStore.OpenAsync(Options, Token);
        Reading[] live = [Temperature("a", T0, 1), Temperature("a", T0.AddSeconds(1), 2)];
        Reading[] backlog = [Temperature("b", T0.AddDays(-30), 3), Temperature("b", T0.AddDays(-30).AddMinutes(59), 4), Temperature("b", T0.AddDays(-12), 5)];
        await store.AppendAsync(live, Token);

        await store.AppendAsync([.. backlog, .. live], Token);
        await store.AppendAsync([live[1], .. backlog], Token);

        Assert.Equal([.. live, .. backlog], await QueryAsync(store, Everything));
    }

    [Fact]
    public async Task OpenAsync_ReopenedFile_KeepsChannelsAndRefusesRedeliveredReadings()
    {
        var options = Options;
        Reading[] first = [Temperature("a", T0, 1), new Reading("a", "sps30", Quantities.Pm10, T0, 12, 1)];
        await using (var store = await DuckDbStore.OpenAsync(options, Token))
        {
            await store.AppendAsync(first, Token);
        }

        await using var reopened = await DuckDbStore.OpenAsync(options, Token);
        var later = Temperature("b", T0, 2);
        await reopened.AppendAsync([.. first, later], Token);

        Assert.Equal([first[0], first[1], later], await QueryAsync(reopened, Everything));
        using var connection = new DuckDBConnection($"DataSource={options.Path}");
        connection.Open();
        using var channels = connection.CreateCommand();
        channels.CommandText = "SELECT count(*), count(DISTINCT channel), max(channel) FROM channels";
        using var reader = channels.ExecuteReader();
        reader.Read();
        Assert.Equal((3L, 3L, 3), (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2)));
    }

    [Fact]
    public async Task OpenAsync_FileOfTheFirstLayout_MigratesEveryReading()
    {
        var options = Options;
        WriteFileOfAnEarlierLayout(options.Path, """
            CREATE TABLE readings (
                device_id VARCHAR NOT NULL, sensor VARCHAR NOT NULL, quantity VARCHAR NOT NULL, unit VARCHAR NOT NULL,
                time TIMESTAMPTZ NOT NULL, value DOUBLE NOT NULL, sequence BIGINT,
                PRIMARY KEY (device_id, sensor, quantity, time));
            INSERT INTO readings VALUES
                ('a', 'sht31', 'air-temperature', 'Cel', '2025-06-01 12:00:00.123456+00', 21.5, 7),
                ('a', 'sht31', 'air-temperature', 'Cel', '2025-06-01 12:00:01+00', 21.25, 8),
                ('b', 'sps30', 'pm10', 'ug/m3', '2025-06-01 12:00:00+00', 12, NULL);
            """);

        await using var store = await DuckDbStore.OpenAsync(options, Token);
        var start = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
        Reading[] expected =
        [
            Temperature("a", start.AddTicks(1_234_560), 21.5, 7),
            Temperature("a", start.AddSeconds(1), 21.25, 8),
            new Reading("b", "sps30", Quantities.Pm10, start, 12, null),
        ];
        await store.AppendAsync([expected[1], Temperature("c", start, 3)], Token);

        Assert.Equal([.. expected, Temperature("c", start, 3)], await QueryAsync(store, Everything));
    }

    [Fact]
    public async Task AppendAsync_FlaggedReadings_QueryAndLabelledReadingsReturnTheirFlags()
    {
        var options = Options;
        await using var store = await DuckDbStore.OpenAsync(options, Token);
        var flagged = Temperature("a", T0, 1) with { Flags = QualityFlags.Unregistered };
        var unflagged = Temperature("a", T0.AddSeconds(1), 2);
        var otherFlags = Temperature("b", T0, 3) with { Flags = (QualityFlags)6 };

        await store.AppendAsync([flagged, unflagged, otherFlags], Token);

        Assert.Equal([flagged, unflagged, otherFlags], await QueryAsync(store, Everything));
        using var connection = new DuckDBConnection($"DataSource={options.Path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT list(flags ORDER BY device_id, time) FROM labelled_readings";
        Assert.Equal([1, 0, 6], (List<int>)command.ExecuteScalar()!);
    }

    [Fact]
    public async Task AppendAsync_UnflaggedReadingRedeliveredFlagged_KeepsTheStoredReading()
    {
        await using var store = await DuckDbStore.OpenAsync(Options, Token);
        var stored = Temperature("a", T0, 1);

        await store.AppendAsync([stored], Token);
        await store.AppendAsync([stored with { Flags = QualityFlags.Unregistered }], Token);

        Assert.Equal([stored], await QueryAsync(store, Everything));
    }

    [Fact]
    public async Task AppendAsync_ReadingRedeliveredAfterItsFlagsWereSet_KeepsTheSetFlags()
    {
        await using var store = await DuckDbStore.OpenAsync(Options, Token);
        var stored = Temperature("a", T0, 1) with { Flags = QualityFlags.Unregistered };
        await store.AppendAsync([stored], Token);
        await store.SetQualityFlagsAsync([new QualityFlagUpdate("a", "sht31", Quantities.AirTemperature, T0, QualityFlags.Spike)], QualityFlags.Spike, Token);

        await store.AppendAsync([stored], Token);

        Assert.Equal([stored with { Flags = QualityFlags.Unregistered | QualityFlags.Spike }], await QueryAsync(store, Everything));
    }

    [Fact]
    public async Task SetQualityFlagsAsync_FileReopened_KeepsTheFlagsInReadingsAndLabelledReadings()
    {
        var options = Options;
        Reading[] readings = [Temperature("a", T0, 1), Temperature("a", T0.AddSeconds(1), 2)];
        await using (var store = await DuckDbStore.OpenAsync(options, Token))
        {
            await store.AppendAsync(readings, Token);
            await store.SetQualityFlagsAsync([new QualityFlagUpdate("a", "sht31", Quantities.AirTemperature, T0, QualityFlags.OutOfRange)], QualityFlags.OutOfRange, Token);
        }

        await using (var reopened = await DuckDbStore.OpenAsync(options, Token))
        {
            Assert.Equal([readings[0] with { Flags = QualityFlags.OutOfRange }, readings[1]], await QueryAsync(reopened, Everything));
        }

        using var connection = new DuckDBConnection($"DataSource={options.Path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT list(flags ORDER BY time) FROM labelled_readings";
        Assert.Equal([2, 0], (List<int>)command.ExecuteScalar()!);
    }

    [Fact]
    public async Task QueryAsync_ExcludeFlagged_LeavesFlaggedReadingsOut()
    {
        await using var store = await DuckDbStore.OpenAsync(Options, Token);
        var flagged = Temperature("a", T0, 1) with { Flags = QualityFlags.Unregistered };
        var unflagged = Temperature("a", T0.AddSeconds(1), 2);
        var flaggedOther = Temperature("b", T0, 3) with { Flags = QualityFlags.Unregistered };
        await store.AppendAsync([flagged, unflagged, flaggedOther], Token);

        Assert.Equal([unflagged], await QueryAsync(store, Everything with { ExcludeFlagged = true }));
        Assert.Equal([flagged, unflagged, flaggedOther], await QueryAsync(store, Everything with { ExcludeFlagged = false }));
    }

    [Fact]
    public async Task OpenAsync_FileWrittenBeforeQualityFlags_AddsTheColumnWithEveryReadingUnflagged()
    {
        var options = Options;
        WriteFileOfAnEarlierLayout(options.Path, """
            CREATE TABLE channels (
                channel INTEGER PRIMARY KEY, device_id VARCHAR NOT NULL, sensor VARCHAR NOT NULL,
                quantity VARCHAR NOT NULL, unit VARCHAR NOT NULL, UNIQUE (device_id, sensor, quantity));
            CREATE TABLE readings (channel INTEGER NOT NULL, time TIMESTAMPTZ NOT NULL, value DOUBLE NOT NULL, sequence BIGINT);
            CREATE VIEW labelled_readings AS
                SELECT c.device_id, c.sensor, c.quantity, c.unit, r.time, r.value, r.sequence
                FROM readings AS r JOIN channels AS c USING (channel);
            INSERT INTO channels VALUES (1, 'a', 'sht31', 'air-temperature', 'Cel');
            INSERT INTO readings VALUES (1, '2025-06-01 12:00:00+00', 21.5, 7), (1, '2025-06-01 12:00:01+00', 21.25, NULL);
            """);

        await using var store = await DuckDbStore.OpenAsync(options, Token);
        var start = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
        Reading[] old = [Temperature("a", start, 21.5, 7), Temperature("a", start.AddSeconds(1), 21.25)];
        var flagged = Temperature("a", start.AddSeconds(2), 21, 9) with { Flags = QualityFlags.Unregistered };
        await store.AppendAsync([flagged], Token);

        Assert.Equal([.. old, flagged], await QueryAsync(store, Everything));
        Assert.Equal(old, await QueryAsync(store, Everything with { ExcludeFlagged = true }));
        using var columns = new DuckDBConnection($"DataSource={options.Path}");
        columns.Open();
        using var command = columns.CreateCommand();
        command.CommandText = "SELECT is_nullable, column_default FROM duckdb_columns() WHERE table_name = 'readings' AND column_name = 'flags'";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal((false, "0"), (reader.GetBoolean(0), reader.GetString(1)));
    }

    [Fact]
    public async Task QueryAsync_DeviceFilter_ReturnsOnlyThoseDevices()
    {
        await using var store = await DuckDbStore.OpenAsync(Options, Token);
        var a = Temperature("a", T0, 1);
        var b = Temperature("b", T0, 2);
        var c = Temperature("c", T0, 3);
        await store.AppendAsync([a, b, c], Token);

        var selected = await QueryAsync(store, Everything with { DeviceIds = ["c", "a", "unknown"] });

        Assert.Equal([a, c], selected);
    }

    [Fact]
    public async Task QueryAsync_QuantityFilter_ReturnsOnlyThoseQuantities()
    {
        await using var store = await DuckDbStore.OpenAsync(Options, Token);
        var temperature = Temperature("a", T0, 1);
        var humidity = new Reading("a", "sht31", Quantities.RelativeHumidity, T0, 50, null);
        var pm = new Reading("a", "sps30", Quantities.Pm25, T0, 8, null);
        await store.AppendAsync([temperature, humidity, pm], Token);

        var selected = await QueryAsync(store, Everything with { Quantities = [Quantities.Pm25, Quantities.RelativeHumidity] });

        Assert.Equal([humidity, pm], selected);
    }

    [Fact]
    public async Task QueryAsync_TimeRange_IncludesFromAndExcludesTo()
    {
        await using var store = await DuckDbStore.OpenAsync(Options, Token);
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
    public async Task QueryAsync_Limit_ReturnsTheFirstReadingsInKeyOrder()
    {
        await using var store = await DuckDbStore.OpenAsync(Options, Token);
        var readings = Enumerable.Range(0, 5).Select(second => Temperature("a", T0.AddSeconds(second), second)).ToArray();
        await store.AppendAsync(readings.Reverse().ToArray(), Token);

        Assert.Equal(readings[..2], await QueryAsync(store, Everything with { Limit = 2 }));
    }

    [Fact]
    public async Task QueryAsync_UnknownQuantityInTheFile_ThrowsNamingIt()
    {
        var options = Options;
        await (await DuckDbStore.OpenAsync(options, Token)).DisposeAsync();
        using (var connection = new DuckDBConnection($"DataSource={options.Path}"))
        {
            connection.Open();
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO channels VALUES (1, 'a', 'sensor', 'ozone', 'ug/m3');
                INSERT INTO readings (channel, time, value, sequence) VALUES (1, now(), 1, NULL);
                """;
            insert.ExecuteNonQuery();
        }

        await using var store = await DuckDbStore.OpenAsync(options, Token);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => QueryAsync(store, Everything));
        Assert.Contains("'ozone'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_FileWrittenAndClosed_ReopensWithTheData()
    {
        var options = Options;
        Reading[] batch = [Temperature("a", T0, 1, sequence: 1), Temperature("b", T0.AddMinutes(1), 2)];
        await using (var store = await DuckDbStore.OpenAsync(options, Token))
        {
            await store.AppendAsync(batch, Token);
            await store.UpdateStatusAsync("a", new DeviceStatus(DeviceState.Online, "site", 1, 2, "1.0"), T0, Token);
        }

        Assert.True(File.Exists(options.Path));
        await using var reopened = await DuckDbStore.OpenAsync(options, Token);

        Assert.Equal(batch, await QueryAsync(reopened, Everything));
        Assert.Equal(["a", "b"], (await reopened.ListDevicesAsync(Token)).Select(device => device.DeviceId));
    }

    [Fact]
    public async Task OpenAsync_EmptyPath_ThrowsValidationException()
    {
        var error = await Assert.ThrowsAsync<ValidationException>(
            () => DuckDbStore.OpenAsync(new DuckDbStoreOptions { Path = "" }, Token));

        Assert.Contains(nameof(DuckDbStoreOptions.Path), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_MemoryLimit_IsDuckDbsMemoryLimit()
    {
        var options = Options;
        options.MemoryLimit = "100MiB";
        await using var store = await DuckDbStore.OpenAsync(options, Token);

        using var connection = new DuckDBConnection($"DataSource={options.Path}");
        connection.Open();
        using var setting = connection.CreateCommand();
        setting.CommandText = "SELECT current_setting('memory_limit')";

        Assert.Equal("100.0 MiB", setting.ExecuteScalar());
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("256")]
    [InlineData("1GB'; DROP TABLE readings; --")]
    public async Task OpenAsync_MemoryLimitNotASize_ThrowsValidationExceptionNamingTheKey(string memoryLimit)
    {
        var options = Options;
        options.MemoryLimit = memoryLimit;

        var error = await Assert.ThrowsAsync<ValidationException>(() => DuckDbStore.OpenAsync(options, Token));

        Assert.Contains("Storage:DuckDb:MemoryLimit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_DeadLettersAdded_ReturnsThemNewestFirstWithTheirPayload()
    {
        await using var store = await DuckDbStore.OpenAsync(Options, Token);
        var oldest = new DeadLetter(0, T0, "urbansensing/v1/devices/a/telemetry", "a", "MalformedPayload", "not SenML", new byte[] { 0x00, 0xFF, 0x7B }, "application/senml+cbor");
        var newest = new DeadLetter(0, T0.AddSeconds(2), "garbage", null, "UnknownTopic", "unknown topic", Array.Empty<byte>(), null);
        var middle = new DeadLetter(0, T0.AddSeconds(1).ToOffset(TimeSpan.FromHours(1)), "urbansensing/v1/devices/b/telemetry", "b", "UnknownUnit", "unknown unit", "[{}]"u8.ToArray(), null);

        await store.AddAsync(oldest, Token);
        await store.AddAsync(newest, Token);
        await store.AddAsync(middle, Token);

        var listed = await store.ListAsync(10, Token).ToListAsync(Token);
        Assert.Equal(3, listed.Count);
        AssertDeadLetter(newest, listed[0]);
        AssertDeadLetter(middle, listed[1]);
        AssertDeadLetter(oldest, listed[2]);

        var firstTwo = await store.ListAsync(2, Token).ToListAsync(Token);
        Assert.Equal([newest.ReceivedAt, middle.ReceivedAt], firstTwo.Select(deadLetter => deadLetter.ReceivedAt));
    }

    [Fact]
    public async Task DeleteAsync_AfterGetAndCount_RemovesOnlyThatDeadLetter()
    {
        await using var store = await DuckDbStore.OpenAsync(Options, Token);
        await store.AddAsync(new DeadLetter(0, T0, "t/a", "a", "UnknownUnit", "unit", "[1]"u8.ToArray(), null), Token);
        await store.AddAsync(new DeadLetter(0, T0.AddSeconds(1), "t/b", "b", "UnknownUnit", "unit", "[2]"u8.ToArray(), null), Token);
        await store.AddAsync(new DeadLetter(0, T0.AddSeconds(2), "t/c", "c", "MalformedPayload", "bad", "[3]"u8.ToArray(), null), Token);
        var ids = (await store.ListAsync(10, Token).ToListAsync(Token)).Select(deadLetter => deadLetter.Id).Order().ToList();

        var fetched = await store.GetAsync([ids[0], ids[2], 999_999], Token);
        var counts = await store.CountByKindAsync(Token);
        var deleted = await store.DeleteAsync(ids[0], Token);
        var deletedAgain = await store.DeleteAsync(ids[0], Token);

        Assert.Equal(["t/a", "t/c"], fetched.Select(deadLetter => deadLetter.Topic));
        Assert.Equal(new Dictionary<string, long> { ["MalformedPayload"] = 1, ["UnknownUnit"] = 2 }, counts);
        Assert.True(deleted);
        Assert.False(deletedAgain);
        Assert.Equal(["t/c", "t/b"], (await store.ListAsync(10, Token).ToListAsync(Token)).Select(deadLetter => deadLetter.Topic));
    }

    [Fact]
    public async Task ListDevicesAsync_StatusesAndReadings_MergesStatusWithLastSeenOrderedById()
    {
        await using var store = await DuckDbStore.OpenAsync(Options, Token);
        await store.UpdateStatusAsync("gamma", new DeviceStatus(DeviceState.Online, "fives", 50.63, 3.08, "1.2"), T0, Token);
        await store.UpdateStatusAsync("alpha", new DeviceStatus(DeviceState.Online, "wazemmes", 50.62, 3.05, "1.2"), T0, Token);
        await store.AppendAsync([Temperature("beta", T0, 1), Temperature("beta", T0.AddSeconds(5), 2), Temperature("gamma", T0.AddSeconds(3), 3)], Token);
        // A last will carries no location; the device keeps the one it announced.
        await store.UpdateStatusAsync("gamma", new DeviceStatus(DeviceState.Offline, null, null, null, null), T0.AddMinutes(1), Token);

        var devices = await store.ListDevicesAsync(Token);

        Assert.Equal(
            [
                new DeviceSummary("alpha", "wazemmes", 50.62, 3.05, DeviceState.Online, null),
                new DeviceSummary("beta", null, null, null, null, T0.AddSeconds(5)),
                new DeviceSummary("gamma", "fives", 50.63, 3.08, DeviceState.Offline, T0.AddSeconds(3)),
            ],
            devices);
    }

    [Fact]
    public async Task AppendAsync_ConcurrentWritersAndReaders_LosesNothing()
    {
        const int Writers = 8;
        const int BatchesPerWriter = 50;
        const int ReadingsPerBatch = 10;
        await using var store = await DuckDbStore.OpenAsync(Options, Token);
        var shared = Temperature("shared", T0, 0);
        using var writing = CancellationTokenSource.CreateLinkedTokenSource(Token);

        var writers = Enumerable.Range(0, Writers).Select(writer => Task.Run(
            async () =>
            {
                for (var batch = 0; batch < BatchesPerWriter; batch++)
                {
                    // Every batch also redelivers one reading all writers share, so their keys collide.
                    var readings = Enumerable.Range(0, ReadingsPerBatch)
                        .Select(index => Temperature($"writer-{writer}", T0 + (((batch * ReadingsPerBatch) + index) * Microsecond), index))
                        .Append(shared)
                        .ToArray();
                    await store.AppendAsync(readings, Token);
                }
            },
            Token)).ToArray();

        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(
            async () =>
            {
                var queries = 0;
                var previousReadings = 0;
                var previousDevices = 0;
                while (!writing.IsCancellationRequested)
                {
                    var readings = (await QueryAsync(store, Everything)).Count;
                    var devices = (await store.ListDevicesAsync(Token)).Count;
                    Assert.True(readings >= previousReadings, "a later query saw fewer readings");
                    Assert.True(devices >= previousDevices, "a later listing saw fewer devices");
                    (previousReadings, previousDevices) = (readings, devices);
                    queries++;
                }

                return queries;
            },
            Token)).ToArray();

        try
        {
            await Task.WhenAll(writers);
        }
        finally
        {
            await writing.CancelAsync();
        }

        var queriesRun = await Task.WhenAll(readers);

        Assert.All(queriesRun, queries => Assert.True(queries > 0));
        var stored = await QueryAsync(store, Everything);
        Assert.Equal((Writers * BatchesPerWriter * ReadingsPerBatch) + 1, stored.Count);
        Assert.Equal(Writers + 1, stored.Select(reading => reading.DeviceId).Distinct().Count());
    }

    /// <summary>Creates the file with the SQL of an earlier layout, as an earlier version of the store left it.</summary>
    private static void WriteFileOfAnEarlierLayout(string path, string sql)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var connection = new DuckDBConnection($"DataSource={path}");
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = sql;
        create.ExecuteNonQuery();
    }

    private static Reading Temperature(string deviceId, DateTimeOffset timestamp, double value, long? sequence = null) =>
        new(deviceId, "sht31", Quantities.AirTemperature, timestamp, value, sequence);

    private static async Task<List<Reading>> QueryAsync(DuckDbStore store, ReadingQuery query) =>
        await store.QueryAsync(query, Token).ToListAsync(Token);

    private static void AssertDeadLetter(DeadLetter expected, DeadLetter actual)
    {
        Assert.Equal(expected.ReceivedAt, actual.ReceivedAt);
        Assert.Equal(TimeSpan.Zero, actual.ReceivedAt.Offset);
        Assert.Equal(expected.Topic, actual.Topic);
        Assert.Equal(expected.DeviceId, actual.DeviceId);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.Reason, actual.Reason);
        Assert.Equal(expected.Payload.ToArray(), actual.Payload.ToArray());
        Assert.Equal(expected.ContentType, actual.ContentType);
    }
}

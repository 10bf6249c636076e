using UrbanSensing.Protocol;
using UrbanSensing.Storage.Aggregation;
using UrbanSensing.Storage.InfluxDb.Tests;

namespace UrbanSensing.Storage.Contract.Tests;

/// <summary>
/// <see cref="IReadingStore.SetQualityFlagsAsync"/> asked of every store, each test on an empty store of its own, and
/// what the stores answer afterwards compared with the contract: the stored readings with their flags set by
/// <see cref="QualityFlagUpdate.ApplyTo"/>, and nothing else.
/// </summary>
public sealed class ReadingStoreQualityFlagsContractTests(EmptyStores stores) : IClassFixture<EmptyStores>
{
    private const QualityFlags StepChecks = QualityFlags.Step | QualityFlags.Spike;

    private const QualityFlags CrowdQc = QualityFlags.CrowdQcM1 | QualityFlags.CrowdQcM2 | QualityFlags.CrowdQcM3 | QualityFlags.CrowdQcM4 | QualityFlags.CrowdQcM5;

    /// <summary>2025-06-01T12:00:00.123456Z.</summary>
    private static readonly DateTimeOffset T0 = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(1_234_560);

    private static readonly ReadingQuery Everything = new([], [], DateTimeOffset.MinValue, DateTimeOffset.MaxValue);

    private static readonly Reading[] Stored =
    [
        Temperature("a", T0, 21.5, QualityFlags.None),
        Temperature("a", T0.AddSeconds(10), 21.625, QualityFlags.None),
        Temperature("a", T0.AddSeconds(20), 21.75, QualityFlags.Unregistered),
        new("a", "sht31", Quantities.RelativeHumidity, T0, 55, 7),
        new("b", "sps30", Quantities.Pm25, T0, 8.5, null, QualityFlags.Unregistered),
    ];

    private static readonly Dictionary<string, (QualityFlagUpdate[] Updates, QualityFlags Owned)> InvalidCalls = new(StringComparer.Ordinal)
    {
        ["owned holds Unregistered"] = ([Update(Stored[0], QualityFlags.Spike)], QualityFlags.Spike | QualityFlags.Unregistered),
        ["owned is empty"] = ([Update(Stored[0], QualityFlags.Spike)], QualityFlags.None),
        ["two updates of one reading"] = ([Update(Stored[0], QualityFlags.Spike), Update(Stored[1], QualityFlags.Step), Update(Stored[0], QualityFlags.None)], StepChecks),
        ["an update without a device"] = ([Update(Stored[0], QualityFlags.Spike), Update(Stored[1], QualityFlags.Spike) with { DeviceId = "" }], StepChecks),
    };

    private static readonly string[] Windows = ["1h", "1d"];

    /// <summary>What InfluxDB computes itself, and what both stores compute from the readings.</summary>
    private static readonly string[] AggregateLists = ["mean,min,max,sum,count,last", "p5,p50,p95"];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<StoreKind> AllStores => [.. Enum.GetValues<StoreKind>()];

    public static TheoryData<string, StoreKind> InvalidCases =>
    [
        .. from call in InvalidCalls.Keys
           from store in Enum.GetValues<StoreKind>()
           select (call, store),
    ];

    public static TheoryData<string, string, StoreKind> AggregationCases =>
    [
        .. from window in Windows
           from aggregates in AggregateLists
           from store in Enum.GetValues<StoreKind>()
           select (window, aggregates, store),
    ];

    [Theory]
    [MemberData(nameof(AllStores))]
    public async Task SetQualityFlagsAsync_StoredReadings_QueryReturnsTheirNewFlags(StoreKind kind)
    {
        var store = await StoreWithAsync(kind, Stored);
        QualityFlagUpdate[] updates =
        [
            Update(Stored[0], QualityFlags.OutOfRange),
            Update(Stored[3], QualityFlags.Step | QualityFlags.Spike),
            Update(Stored[4], QualityFlags.CrowdQcM2),
        ];

        var matched = await store.SetQualityFlagsAsync(updates, QualityFlags.OutOfRange | StepChecks | CrowdQc, Token);

        Assert.Equal(3, matched);
        Assert.Equal(
            [
                Stored[0] with { Flags = QualityFlags.OutOfRange },
                Stored[1],
                Stored[2],
                Stored[3] with { Flags = QualityFlags.Step | QualityFlags.Spike },
                Stored[4] with { Flags = QualityFlags.Unregistered | QualityFlags.CrowdQcM2 },
            ],
            await QueryAsync(store, Everything));
    }

    [Theory]
    [MemberData(nameof(AllStores))]
    public async Task SetQualityFlagsAsync_FlagsOutsideOwned_AreLeftAsStoredAndIgnoredInTheUpdate(StoreKind kind)
    {
        var store = await StoreWithAsync(kind, Stored);
        await store.SetQualityFlagsAsync([Update(Stored[2], QualityFlags.CrowdQcM2)], CrowdQc, Token);

        // The step checks own Step and Spike only: OutOfRange in the update is not theirs to set.
        var matched = await store.SetQualityFlagsAsync([Update(Stored[2], QualityFlags.Spike | QualityFlags.OutOfRange)], StepChecks, Token);

        Assert.Equal(1, matched);
        Assert.Equal(
            Stored[2] with { Flags = QualityFlags.Unregistered | QualityFlags.CrowdQcM2 | QualityFlags.Spike },
            Assert.Single(await QueryAsync(store, Everything with { From = Stored[2].Timestamp, To = Stored[2].Timestamp.AddTicks(10) })));
    }

    [Theory]
    [MemberData(nameof(AllStores))]
    public async Task SetQualityFlagsAsync_SecondPass_ReplacesAndClearsTheOwnedFlags(StoreKind kind)
    {
        var store = await StoreWithAsync(kind, Stored);
        await store.SetQualityFlagsAsync(
            [Update(Stored[0], QualityFlags.Step), Update(Stored[1], QualityFlags.Spike), Update(Stored[2], QualityFlags.Step | QualityFlags.Spike)],
            StepChecks,
            Token);

        var matched = await store.SetQualityFlagsAsync(
            [Update(Stored[0], QualityFlags.Spike), Update(Stored[1], QualityFlags.None), Update(Stored[2], QualityFlags.None)],
            StepChecks,
            Token);

        Assert.Equal(3, matched);
        Assert.Equal(
            [Stored[0] with { Flags = QualityFlags.Spike }, Stored[1], Stored[2], Stored[3], Stored[4]],
            await QueryAsync(store, Everything));
    }

    [Theory]
    [MemberData(nameof(AllStores))]
    public async Task SetQualityFlagsAsync_ReadingsNotStored_ChangeAndCreateNothingAndAreNotCounted(StoreKind kind)
    {
        var store = await StoreWithAsync(kind, Stored);
        QualityFlagUpdate[] updates =
        [
            Update(Stored[0], QualityFlags.Spike) with { Timestamp = T0.AddSeconds(5) },
            Update(Stored[0], QualityFlags.Spike) with { Timestamp = T0.AddTicks(10) },
            Update(Stored[0], QualityFlags.Spike) with { DeviceId = "unknown" },
            Update(Stored[0], QualityFlags.Spike) with { Sensor = "bme280" },
            Update(Stored[0], QualityFlags.Spike) with { Quantity = Quantities.SurfaceTemperature },
            Update(Stored[4], QualityFlags.Spike) with { Quantity = Quantities.Pm10 },
            Update(Stored[1], QualityFlags.Spike),
        ];

        var matched = await store.SetQualityFlagsAsync(updates, StepChecks, Token);

        Assert.Equal(1, matched);
        Assert.Equal([Stored[0], Stored[1] with { Flags = QualityFlags.Spike }, Stored[2], Stored[3], Stored[4]], await QueryAsync(store, Everything));
    }

    [Theory]
    [MemberData(nameof(AllStores))]
    public async Task SetQualityFlagsAsync_TimeInAnotherOffsetWithTicksBelowTheMicrosecond_NamesTheReadingOfThatMicrosecond(StoreKind kind)
    {
        var store = await StoreWithAsync(kind, Stored);

        var matched = await store.SetQualityFlagsAsync(
            [Update(Stored[1], QualityFlags.Spike) with { Timestamp = Stored[1].Timestamp.ToOffset(TimeSpan.FromHours(2)).AddTicks(7) }],
            StepChecks,
            Token);

        Assert.Equal(1, matched);
        Assert.Equal([Stored[0], Stored[1] with { Flags = QualityFlags.Spike }, Stored[2], Stored[3], Stored[4]], await QueryAsync(store, Everything));
    }

    [Theory]
    [MemberData(nameof(AllStores))]
    public async Task SetQualityFlagsAsync_SamePassTwice_GivesTheSameFlagsAndCount(StoreKind kind)
    {
        var store = await StoreWithAsync(kind, Stored);
        QualityFlagUpdate[] updates = [.. Stored.Select((reading, index) => Update(reading, index % 2 == 0 ? QualityFlags.Persistence : QualityFlags.None))];
        var first = await store.SetQualityFlagsAsync(updates, QualityFlags.Persistence, Token);
        var afterFirst = await QueryAsync(store, Everything);

        var second = await store.SetQualityFlagsAsync(updates, QualityFlags.Persistence, Token);

        Assert.Equal(Stored.Length, first);
        Assert.Equal(first, second);
        Assert.Equal(afterFirst, await QueryAsync(store, Everything));
        Assert.Equal(QualityFlags.Unregistered | QualityFlags.Persistence, afterFirst[2].Flags);
    }

    [Theory]
    [MemberData(nameof(AllStores))]
    public async Task SetQualityFlagsAsync_FlaggedThenCleared_ExcludeFlaggedLeavesItOutThenIn(StoreKind kind)
    {
        var store = await StoreWithAsync(kind, Stored);
        var unflagged = Everything with { ExcludeFlagged = true };
        Assert.Equal([Stored[0], Stored[1], Stored[3]], await QueryAsync(store, unflagged));

        await store.SetQualityFlagsAsync([Update(Stored[1], QualityFlags.Spike)], StepChecks, Token);
        var whileFlagged = await QueryAsync(store, unflagged);
        await store.SetQualityFlagsAsync([Update(Stored[1], QualityFlags.None)], StepChecks, Token);

        Assert.Equal([Stored[0], Stored[3]], whileFlagged);
        Assert.Equal([Stored[0], Stored[1], Stored[3]], await QueryAsync(store, unflagged));
    }

    [Theory]
    [MemberData(nameof(AggregationCases))]
    public async Task SetQualityFlagsAsync_ThenAggregateExcludingFlagged_MatchesTheReferenceAggregator(string window, string aggregates, StoreKind kind)
    {
        // A week of the contract's readings (one in twenty-five Unregistered), then one in seven flagged as a spike.
        var week = ContractReadings.All.Where(reading => reading.Timestamp < new DateTimeOffset(2025, 3, 24, 0, 0, 0, TimeSpan.Zero)).ToList();
        var store = await StoreWithAsync(kind, week);
        var updates = week.Select((reading, index) => Update(reading, index % 7 == 0 ? QualityFlags.Spike : QualityFlags.None)).ToList();
        var expected = week.Select((reading, index) => reading with { Flags = updates[index].ApplyTo(reading.Flags, StepChecks) }).ToList();
        var query = new AggregateQuery(
            Everything with { ExcludeFlagged = true },
            AggregationWindow.Parse(window),
            [.. aggregates.Split(',').Select(Aggregate.Parse)],
            TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
        var before = await store.AggregateAsync(query, Token).ToListAsync(Token);

        await store.SetQualityFlagsAsync(updates, StepChecks, Token);

        var reference = await WindowAggregator.AggregateAsync(expected.Where(reading => reading.Flags == QualityFlags.None).ToAsyncEnumerable(), query, Token).ToListAsync(Token);
        AggregatedWindowAssert.Equal(reference, await store.AggregateAsync(query, Token).ToListAsync(Token));
        Assert.NotEqual(before.Sum(windowed => windowed.Values[0]), reference.Sum(windowed => windowed.Values[0]));
    }

    [Theory]
    [MemberData(nameof(AllStores))]
    public async Task SetQualityFlagsAsync_FiftyThousandReadings_SetsEveryFlagAndCreatesNothing(StoreKind kind)
    {
        // Ten channels, a reading every ten seconds for about fourteen hours; one in thirteen Unregistered.
        var readings = Enumerable.Range(0, 10)
            .SelectMany(channel => Enumerable.Range(0, 5_000).Select(index => Temperature(
                $"lille-{channel:D4}", T0.AddSeconds(10 * index), index / 100.0, index % 13 == 0 ? QualityFlags.Unregistered : QualityFlags.None)))
            .ToList();
        var store = await StoreWithAsync(kind, readings);
        var updates = readings
            .Select((reading, index) => Update(reading, index % 7 == 0 ? QualityFlags.Spike : index % 11 == 0 ? QualityFlags.Step : QualityFlags.None))
            .ToList();

        // And a thousand updates of readings never stored, between the stored ones.
        var missing = readings.Where((_, index) => index % 50 == 0).Select(reading => Update(reading, QualityFlags.Spike) with { Timestamp = reading.Timestamp.AddSeconds(5) });
        var matched = await store.SetQualityFlagsAsync([.. updates, .. missing], StepChecks, Token);

        Assert.Equal(readings.Count, matched);
        Assert.Equal(
            readings.Select((reading, index) => reading with { Flags = updates[index].ApplyTo(reading.Flags, StepChecks) }),
            await QueryAsync(store, Everything));
    }

    [Theory]
    [MemberData(nameof(AllStores))]
    public async Task SetQualityFlagsAsync_UpdatesDaysApart_SetsEachAndLeavesTheReadingsBetweenAsTheyWere(StoreKind kind)
    {
        var readings = Enumerable.Range(0, 30).Select(hour => Temperature("a", T0.AddHours(6 * hour), hour, QualityFlags.None)).ToList();
        var store = await StoreWithAsync(kind, readings);
        int[] flagged = [0, 1, 9, 10, 29];

        var matched = await store.SetQualityFlagsAsync([.. flagged.Select(index => Update(readings[index], QualityFlags.Persistence))], QualityFlags.Persistence, Token);

        Assert.Equal(flagged.Length, matched);
        Assert.Equal(
            readings.Select((reading, index) => flagged.Contains(index) ? reading with { Flags = QualityFlags.Persistence } : reading),
            await QueryAsync(store, Everything));
    }

    [Theory]
    [MemberData(nameof(AllStores))]
    public async Task SetQualityFlagsAsync_ConcurrentPassesOwningDifferentFlags_KeepEveryPassesFlags(StoreKind kind)
    {
        var readings = Enumerable.Range(0, 200).Select(index => Temperature($"d{index % 4}", T0.AddSeconds(index), index, QualityFlags.Unregistered)).ToList();
        var store = await StoreWithAsync(kind, readings);
        QualityFlags[] passes = [QualityFlags.OutOfRange, QualityFlags.Step, QualityFlags.Spike, QualityFlags.Persistence];

        // Each pass flags every reading several times over, racing the other passes and appends of new readings.
        var matched = await Task.WhenAll(passes.Select((flag, pass) => Task.Run(
            async () =>
            {
                var total = 0;
                for (var round = 0; round < 5; round++)
                {
                    total += await store.SetQualityFlagsAsync([.. readings.Select(reading => Update(reading, flag))], flag, Token);
                    await store.AppendAsync([Temperature($"late-{pass}", T0.AddSeconds(round), round, QualityFlags.None)], Token);
                }

                return total;
            },
            Token)));

        Assert.All(matched, total => Assert.Equal(5 * readings.Count, total));
        var all = passes.Aggregate(QualityFlags.Unregistered, (flags, flag) => flags | flag);
        Assert.Equal(
            readings.Select(reading => reading with { Flags = all }).OrderBy(reading => reading.DeviceId, StringComparer.Ordinal).ThenBy(reading => reading.Timestamp),
            await QueryAsync(store, Everything with { DeviceIds = ["d0", "d1", "d2", "d3"] }));
        Assert.Equal(passes.Length * 5, (await QueryAsync(store, Everything)).Count - readings.Count);
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public async Task SetQualityFlagsAsync_InvalidCall_ThrowsArgumentExceptionAndChangesNothing(string call, StoreKind kind)
    {
        var store = await StoreWithAsync(kind, Stored);
        var (updates, owned) = InvalidCalls[call];

        await Assert.ThrowsAsync<ArgumentException>(() => store.SetQualityFlagsAsync(updates, owned, Token));

        Assert.Equal(Stored, await QueryAsync(store, Everything));
    }

    [Theory]
    [MemberData(nameof(AllStores))]
    public async Task SetQualityFlagsAsync_NoUpdates_ReturnsZero(StoreKind kind)
    {
        var store = await StoreWithAsync(kind, Stored);

        Assert.Equal(0, await store.SetQualityFlagsAsync([], StepChecks, Token));
        Assert.Equal(Stored, await QueryAsync(store, Everything));
    }

    private async Task<IReadingStore> StoreWithAsync(StoreKind kind, IReadOnlyList<Reading> readings)
    {
        var store = await stores.OpenAsync(kind, Token);
        foreach (var batch in readings.Chunk(5_000))
        {
            await store.AppendAsync(batch, Token);
        }

        return store;
    }

    private static async Task<List<Reading>> QueryAsync(IReadingStore store, ReadingQuery query) =>
        await store.QueryAsync(query, Token).ToListAsync(Token);

    private static Reading Temperature(string deviceId, DateTimeOffset timestamp, double value, QualityFlags flags) =>
        new(deviceId, "sht31", Quantities.AirTemperature, timestamp, value, null, flags);

    private static QualityFlagUpdate Update(Reading reading, QualityFlags flags) =>
        new(reading.DeviceId, reading.Sensor, reading.Quantity, reading.Timestamp, flags);
}

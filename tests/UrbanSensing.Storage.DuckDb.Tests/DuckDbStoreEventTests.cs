using UrbanSensing.Tests.Shared;

namespace UrbanSensing.Storage.DuckDb.Tests;

/// <summary>The events the continuous analytics raise, kept in the store's file.</summary>
public sealed class DuckDbStoreEventTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2025, 7, 7, 0, 0, 0, TimeSpan.FromHours(2));

    private readonly TemporaryFolder _folder = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private DuckDbStoreOptions Options => new() { Path = Path.Combine(_folder.Path, "events.duckdb") };

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ListAsync_AfterAdd_GivesTheEventsNewestFirstAcrossReopening()
    {
        await using (var store = await DuckDbStore.OpenAsync(Options, Token))
        {
            await store.AddAsync([Event(Monday, "heat-wave-started", "lomme"), Event(Monday.AddHours(5), "basin-near-overflow", "citadelle-nord", 0.83)], Token);
        }

        await using var reopened = await DuckDbStore.OpenAsync(Options, Token);
        var listed = await reopened.ListAsync(Monday.AddDays(-1), Monday.AddDays(1), [], 10, Token).ToListAsync(Token);

        Assert.Equal(["basin-near-overflow", "heat-wave-started"], listed.Select(stored => stored.Kind));
        Assert.Equal(0.83, listed[0].Value);
        Assert.Null(listed[1].Value);
        Assert.Equal(Monday.AddHours(5), listed[0].Time);
        Assert.Equal("citadelle-nord", listed[0].Subject);
        Assert.Equal("basin-near-overflow at citadelle-nord", listed[0].Message);
    }

    [Fact]
    public async Task AddAsync_SameTimeKindAndSubjectAgain_KeepsTheFirstOnce()
    {
        await using var store = await DuckDbStore.OpenAsync(Options, Token);
        var first = await store.AddAsync([Event(Monday, "heat-wave-started", "lomme")], Token);

        var again = await store.AddAsync([Event(Monday, "heat-wave-started", "lomme") with { Message = "raised again after a restart" }, Event(Monday, "heat-wave-started", "fives")], Token);

        Assert.Equal((1, 1), (first, again));

        var listed = await store.ListAsync(Monday, Monday.AddDays(1), [], 10, Token).ToListAsync(Token);
        Assert.Equal(2, listed.Count);
        Assert.Equal("heat-wave-started at lomme", listed.Single(stored => stored.Subject == "lomme").Message);
    }

    [Fact]
    public async Task ListAsync_KindsRangeAndLimit_SelectOnlyThose()
    {
        await using var store = await DuckDbStore.OpenAsync(Options, Token);
        await store.AddAsync(
            [
                Event(Monday, "heat-wave-started", "lomme"),
                Event(Monday.AddDays(3), "heat-wave-ended", "lomme"),
                Event(Monday.AddHours(1), "basin-near-overflow", "a"),
                Event(Monday.AddHours(2), "basin-overflowing", "a"),
                Event(Monday.AddDays(-2), "heat-wave-started", "fives"),
            ],
            Token);

        var heat = await store.ListAsync(Monday.AddDays(-7), Monday.AddDays(7), ["heat-wave-started", "heat-wave-ended"], 10, Token).ToListAsync(Token);
        var fromMonday = await store.ListAsync(Monday, Monday.AddDays(3), [], 10, Token).ToListAsync(Token);
        var latestTwo = await store.ListAsync(Monday.AddDays(-7), Monday.AddDays(7), [], 2, Token).ToListAsync(Token);

        Assert.Equal(["lomme", "lomme", "fives"], heat.Select(stored => stored.Subject));
        Assert.Equal(["basin-overflowing", "basin-near-overflow", "heat-wave-started"], fromMonday.Select(stored => stored.Kind));
        Assert.Equal(["heat-wave-ended", "basin-overflowing"], latestTwo.Select(stored => stored.Kind));
    }

    private static StoredAnalyticsEvent Event(DateTimeOffset time, string kind, string subject, double? value = null) =>
        new(time, kind, subject, $"{kind} at {subject}", value, time.AddMinutes(1));
}

using Microsoft.Extensions.Logging.Abstractions;
using UrbanSensing.Protocol;
using UrbanSensing.Tests.Shared;

namespace UrbanSensing.Storage.Spill.Tests;

public sealed class SpillingReadingStoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 8, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "urbansensing-spill-tests", Guid.NewGuid().ToString("N"));
    private readonly FlakyStore _inner = new();
    private readonly TestMeterFactory _meters = new();

    [Fact]
    public async Task Append_StoreUp_WritesThroughWithoutSpilling()
    {
        await using var store = await OpenAsync();

        await store.AppendAsync(Batch(0), TestContext.Current.CancellationToken);

        Assert.Single(_inner.Batches);
        Assert.Equal(0, store.SegmentCount);
    }

    [Fact]
    public async Task Append_StoreDown_SpillsThenReplaysInOrderOnceTheStoreIsBack()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var store = await OpenAsync();
        _inner.Down = true;

        await store.AppendAsync(Batch(0), cancellationToken);
        await store.AppendAsync(Batch(1), cancellationToken);

        Assert.Empty(_inner.Batches);
        Assert.Equal(2, store.SegmentCount);

        _inner.Down = false;
        await store.AppendAsync(Batch(2), cancellationToken);
        await Poll.UntilAsync(() => _inner.Batches.Count == 3 && store.SegmentCount == 0, cancellationToken);
        Assert.Equal([0L, 1L, 2L], _inner.Batches.Select(batch => batch[0].Sequence!.Value / 100));
        Assert.Equal(Batch(1), _inner.Batches[1]);
        Assert.Equal(0, store.SpilledBytes);
        Assert.Empty(Directory.EnumerateFiles(_folder));
    }

    [Fact]
    public async Task Append_SpillFull_ThrowsSoTheBatchIsNotAcknowledged()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var store = await OpenAsync(maxBytes: 1024);
        _inner.Down = true;

        await store.AppendAsync(Batch(0, size: 40), cancellationToken);

        await Assert.ThrowsAsync<SpillFullException>(() => store.AppendAsync(Batch(1), cancellationToken));
        Assert.Equal(1, store.SegmentCount);
    }

    [Fact]
    public async Task Start_SegmentsLeftByAnEarlierRun_AreReplayedAndPartialOnesDropped()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        _inner.Down = true;
        await using (var crashed = await OpenAsync())
        {
            await crashed.AppendAsync(Batch(0), cancellationToken);
            await crashed.AppendAsync(Batch(1), cancellationToken);
        }

        await File.WriteAllTextAsync(Path.Combine(_folder, "0000000000000099.spill.partial"), "half a batch", cancellationToken);
        _inner.Down = false;

        await using var restarted = await OpenAsync();
        await Poll.UntilAsync(() => _inner.Batches.Count == 2, cancellationToken);

        Assert.Equal(Batch(0), _inner.Batches[0]);
        Assert.Equal(Batch(1), _inner.Batches[1]);
        Assert.Empty(Directory.EnumerateFiles(_folder));
    }

    [Fact]
    public async Task Start_SegmentOfTheFormatBeforeFlags_IsReplayedUnflagged()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        Directory.CreateDirectory(_folder);
        using (var writer = new BinaryWriter(File.Create(Path.Combine(_folder, "0000000000000001.spill")), System.Text.Encoding.UTF8))
        {
            writer.Write("USPL"u8);
            writer.Write(1);
            writer.Write(1);
            writer.Write("fives-01");
            writer.Write("sht31");
            writer.Write("air-temperature");
            writer.Write(Start.UtcTicks);
            writer.Write(21.5);
            writer.Write(true);
            writer.Write(7L);
        }

        await using var store = await OpenAsync();
        await Poll.UntilAsync(() => _inner.Batches.Count == 1, cancellationToken);

        Assert.Equal([new Reading("fives-01", "sht31", Quantities.AirTemperature, Start, 21.5, 7)], _inner.Batches[0]);
    }

    [Fact]
    public async Task SetQualityFlags_StoreUp_GoesToTheStoreAndReturnsItsCount()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var store = await OpenAsync();
        var batch = Batch(0);
        await store.AppendAsync(batch, cancellationToken);
        QualityFlagUpdate[] updates = [Update(batch[0], QualityFlags.Spike), Update(batch[2], QualityFlags.None), Update(Batch(9)[0], QualityFlags.Spike)];

        var matched = await store.SetQualityFlagsAsync(updates, QualityFlags.Spike | QualityFlags.Step, cancellationToken);

        Assert.Equal(2, matched);
        var (sent, owned) = Assert.Single(_inner.FlagUpdates);
        Assert.Equal(updates, sent);
        Assert.Equal(QualityFlags.Spike | QualityFlags.Step, owned);
    }

    [Fact]
    public async Task SetQualityFlags_ReadingStillInTheSpill_IsNotCountedAndNothingIsSpilled()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var store = await OpenAsync(replayDelay: TimeSpan.FromMinutes(10));
        _inner.Down = true;
        var batch = Batch(0);
        await store.AppendAsync(batch, cancellationToken);

        // The append and the first replay were refused: the next replay is ten minutes away.
        await Poll.UntilAsync(() => _inner.RefusedAppends >= 2, cancellationToken);
        _inner.Down = false;
        var matched = await store.SetQualityFlagsAsync([Update(batch[0], QualityFlags.Spike)], QualityFlags.Spike, cancellationToken);

        Assert.Equal(0, matched);
        Assert.Single(_inner.FlagUpdates);
        Assert.Equal(1, store.SegmentCount);
        Assert.Empty(_inner.Batches);
    }

    [Fact]
    public async Task SetQualityFlags_StoreDown_ThrowsAndSpillsNothing()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var store = await OpenAsync();
        _inner.Down = true;

        await Assert.ThrowsAsync<HttpRequestException>(
            () => store.SetQualityFlagsAsync([Update(Batch(0)[0], QualityFlags.Spike)], QualityFlags.Spike, cancellationToken));

        Assert.Equal(0, store.SegmentCount);
        Assert.Empty(_inner.FlagUpdates);
    }

    public void Dispose()
    {
        _meters.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    // The second reading of each batch is flagged, so flags are shown to survive a spill.
    private static Reading[] Batch(int batch, int size = 3) =>
        [.. Enumerable.Range(0, size).Select(index => new Reading(
            "fives-01", "sht31", Quantities.AirTemperature, Start.AddSeconds((batch * 100) + index), 20.5 + index, (batch * 100) + index, index == 1 ? QualityFlags.Unregistered : QualityFlags.None))];

    private static QualityFlagUpdate Update(Reading reading, QualityFlags flags) =>
        new(reading.DeviceId, reading.Sensor, reading.Quantity, reading.Timestamp, flags);

    private async Task<SpillingReadingStore> OpenAsync(long maxBytes = 1L << 20, TimeSpan? replayDelay = null)
    {
        var delay = replayDelay ?? TimeSpan.FromMilliseconds(10);
        var store = new SpillingReadingStore(
            _inner,
            new SpillOptions { Folder = _folder, MaxBytes = maxBytes, ReplayInitialDelay = delay, ReplayMaxDelay = delay * 5 },
            _meters,
            TimeProvider.System,
            NullLogger<SpillingReadingStore>.Instance);
        await store.StartAsync(TestContext.Current.CancellationToken);
        return store;
    }
}

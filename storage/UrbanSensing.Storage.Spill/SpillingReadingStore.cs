using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using UrbanSensing.Protocol;
using UrbanSensing.Storage.Aggregation;

namespace UrbanSensing.Storage.Spill;

/// <summary>
/// Puts a bounded disk spill in front of a store that can go away (InfluxDB over the network). When the store
/// refuses a batch, the batch goes to disk instead and the append succeeds, so ingestion acknowledges it; while the
/// spill holds anything, new batches queue behind it, and a background loop replays the spill to the store in
/// order. When the spill is full the append fails, ingestion stops acknowledging and messages wait at the broker.
/// Queries go to the store: spilled readings show up once replayed.
/// </summary>
public sealed partial class SpillingReadingStore : IReadingStore, IAsyncDisposable
{
    public const string MeterName = "UrbanSensing.Storage";

    private readonly IReadingStore _store;
    private readonly SpillOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SpillingReadingStore> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Queue<(string Path, long Bytes)> _segments = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _spilled = new(0);
    private long _bytes;
    private long _nextSegment;
    private Task _replay = Task.CompletedTask;

    public SpillingReadingStore(IReadingStore store, SpillOptions options, IMeterFactory meterFactory, TimeProvider timeProvider, ILogger<SpillingReadingStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(meterFactory);
        _store = store;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge("urbansensing.storage.spill.bytes", () => Interlocked.Read(ref _bytes), "By", "Bytes of batches waiting on disk for the store");
        meter.CreateObservableGauge("urbansensing.storage.spill.segments", () => SegmentCount, "{batch}", "Batches waiting on disk for the store");
    }

    public int SegmentCount
    {
        get
        {
            lock (_segments)
            {
                return _segments.Count;
            }
        }
    }

    public long SpilledBytes => Interlocked.Read(ref _bytes);

    /// <summary>Picks up the segments a previous run left (they were acknowledged) and starts replaying.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(_options.Folder);
        foreach (var partial in Directory.EnumerateFiles(_options.Folder, "*" + SpillSegment.PartialExtension))
        {
            // Never renamed: its batch was not acknowledged, so the broker still has its messages.
            File.Delete(partial);
        }

        foreach (var path in Directory.EnumerateFiles(_options.Folder, "*" + SpillSegment.Extension).Order(StringComparer.Ordinal))
        {
            var bytes = new FileInfo(path).Length;
            _segments.Enqueue((path, bytes));
            _bytes += bytes;
            _nextSegment = Math.Max(_nextSegment, long.Parse(Path.GetFileNameWithoutExtension(path), CultureInfo.InvariantCulture) + 1);
        }

        if (_segments.Count > 0)
        {
            LogRecovered(_segments.Count, _bytes);
            _spilled.Release();
        }

        _replay = ReplayAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public async Task AppendAsync(IReadOnlyList<Reading> readings, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (SegmentCount == 0)
            {
                try
                {
                    await _store.AppendAsync(readings, cancellationToken).ConfigureAwait(false);
                    return;
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    LogStoreRefused(readings.Count, exception);
                }
            }

            await SpillAsync(readings, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public IAsyncEnumerable<Reading> QueryAsync(ReadingQuery query, CancellationToken cancellationToken = default) =>
        _store.QueryAsync(query, cancellationToken);

    /// <summary>
    /// Goes to the store, as queries do, and is never spilled: a reading still in the spill is not in the store, so its
    /// update changes nothing and is not counted; quality control, which reads the store, has not seen it either and
    /// flags it on a pass after it is replayed. While the store is away the update throws, and the pass can run again.
    /// </summary>
    public Task<int> SetQualityFlagsAsync(IReadOnlyList<QualityFlagUpdate> updates, QualityFlags owned, CancellationToken cancellationToken = default) =>
        _store.SetQualityFlagsAsync(updates, owned, cancellationToken);

    public IAsyncEnumerable<AggregatedWindow> AggregateAsync(AggregateQuery query, CancellationToken cancellationToken = default) =>
        _store.AggregateAsync(query, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _replay.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
        _gate.Dispose();
        _spilled.Dispose();
    }

    private async Task SpillAsync(IReadOnlyList<Reading> readings, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_options.Folder, _nextSegment.ToString("D16", CultureInfo.InvariantCulture) + SpillSegment.Extension);
        if (Interlocked.Read(ref _bytes) >= _options.MaxBytes)
        {
            throw new SpillFullException($"the store is unavailable and the spill in {_options.Folder} is full ({_bytes} of {_options.MaxBytes} bytes)");
        }

        var bytes = await SpillSegment.WriteAsync(path, readings, cancellationToken).ConfigureAwait(false);
        _nextSegment++;
        lock (_segments)
        {
            _segments.Enqueue((path, bytes));
        }

        Interlocked.Add(ref _bytes, bytes);
        _spilled.Release();
    }

    private async Task ReplayAsync(CancellationToken cancellationToken)
    {
        var delay = _options.ReplayInitialDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!TryPeek(out var segment))
            {
                await _spilled.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }

            try
            {
                var readings = await SpillSegment.ReadAsync(segment.Path, cancellationToken).ConfigureAwait(false);
                await _store.AppendAsync(readings, cancellationToken).ConfigureAwait(false);
                File.Delete(segment.Path);
                lock (_segments)
                {
                    _segments.Dequeue();
                }

                Interlocked.Add(ref _bytes, -segment.Bytes);
                delay = _options.ReplayInitialDelay;
                if (SegmentCount == 0)
                {
                    LogDrained();
                }
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                LogReplayFailed(SegmentCount, delay, exception);
                await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                delay = delay * 2 < _options.ReplayMaxDelay ? delay * 2 : _options.ReplayMaxDelay;
            }
        }
    }

    private bool TryPeek(out (string Path, long Bytes) segment)
    {
        lock (_segments)
        {
            return _segments.TryPeek(out segment);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store refused a batch of {Readings} readings; spilling to disk")]
    private partial void LogStoreRefused(int readings, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replaying the spill failed ({Segments} batches waiting); next try in {Delay}")]
    private partial void LogReplayFailed(int segments, TimeSpan delay, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "The spill is drained; writing to the store directly again")]
    private partial void LogDrained();

    [LoggerMessage(Level = LogLevel.Information, Message = "Found {Segments} spilled batches ({Bytes} bytes) from a previous run; replaying them")]
    private partial void LogRecovered(int segments, long bytes);
}

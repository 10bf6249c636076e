using System.Runtime.CompilerServices;
using UrbanSensing.Protocol;

namespace UrbanSensing.Storage.Spill.Tests;

/// <summary>A store that can be switched off, as a remote database goes away; it records the batches it took.</summary>
internal sealed class FlakyStore : IReadingStore
{
    private readonly Lock _gate = new();
    private readonly List<IReadOnlyList<Reading>> _batches = [];

    private readonly List<(IReadOnlyList<QualityFlagUpdate> Updates, QualityFlags Owned)> _flagUpdates = [];
    private int _refusedAppends;

    public volatile bool Down;

    /// <summary>Appends refused while down, the spill's replays among them.</summary>
    public int RefusedAppends => Volatile.Read(ref _refusedAppends);

    public IReadOnlyList<(IReadOnlyList<QualityFlagUpdate> Updates, QualityFlags Owned)> FlagUpdates
    {
        get
        {
            lock (_gate)
            {
                return [.. _flagUpdates];
            }
        }
    }

    public IReadOnlyList<IReadOnlyList<Reading>> Batches
    {
        get
        {
            lock (_gate)
            {
                return [.. _batches];
            }
        }
    }

    public Task AppendAsync(IReadOnlyList<Reading> readings, CancellationToken cancellationToken = default)
    {
        if (Down)
        {
            Interlocked.Increment(ref _refusedAppends);
            throw new HttpRequestException("connection refused (store down)");
        }

        lock (_gate)
        {
            _batches.Add([.. readings]);
        }

        return Task.CompletedTask;
    }

    /// <summary>Records the call and counts the updates naming a reading it took; the readings it holds keep their flags.</summary>
    public Task<int> SetQualityFlagsAsync(IReadOnlyList<QualityFlagUpdate> updates, QualityFlags owned, CancellationToken cancellationToken = default)
    {
        if (Down)
        {
            throw new HttpRequestException("connection refused (store down)");
        }

        lock (_gate)
        {
            _flagUpdates.Add((updates.ToArray(), owned));
            var stored = _batches.SelectMany(batch => batch).Select(Key).ToHashSet();
            return Task.FromResult(updates.Count(update => stored.Contains((update.DeviceId, update.Sensor, update.Quantity, update.Timestamp))));
        }
    }

    public async IAsyncEnumerable<Reading> QueryAsync(ReadingQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        foreach (var reading in Batches.SelectMany(batch => batch))
        {
            yield return reading;
        }
    }

    private static (string DeviceId, string Sensor, Quantity Quantity, DateTimeOffset Timestamp) Key(Reading reading) =>
        (reading.DeviceId, reading.Sensor, reading.Quantity, reading.Timestamp);
}

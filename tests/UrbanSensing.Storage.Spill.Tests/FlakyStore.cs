using System.Runtime.CompilerServices;
using UrbanSensing.Protocol;

namespace UrbanSensing.Storage.Spill.Tests;

/// <summary>A store that can be switched off, as a remote database goes away; it records the batches it took.</summary>
internal sealed class FlakyStore : IReadingStore
{
    private readonly Lock _gate = new();
    private readonly List<IReadOnlyList<Reading>> _batches = [];

    public volatile bool Down;

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
            throw new HttpRequestException("connection refused (store down)");
        }

        lock (_gate)
        {
            _batches.Add([.. readings]);
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<Reading> QueryAsync(ReadingQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        foreach (var reading in Batches.SelectMany(batch => batch))
        {
            yield return reading;
        }
    }
}

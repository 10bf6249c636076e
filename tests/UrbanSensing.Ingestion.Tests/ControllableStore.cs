using System.Runtime.CompilerServices;
using UrbanSensing.Protocol;
using UrbanSensing.Storage;

namespace UrbanSensing.Ingestion.Tests;

/// <summary>
/// An in-memory store the tests can make fail or stall on purpose, which a real store cannot do on cue.
/// The real DuckDB store is exercised by its own tests and by the end-to-end test.
/// </summary>
internal sealed class ControllableStore : IReadingStore, IDeadLetterStore, IDeviceDirectory
{
    private readonly Lock _gate = new();

    public List<IReadOnlyList<Reading>> Batches { get; } = [];

    public List<DeadLetter> DeadLetters { get; } = [];

    public Dictionary<string, DeviceStatus> Statuses { get; } = [];

    public int AppendCalls { get; private set; }

    /// <summary>The next this-many appends throw.</summary>
    public int FailuresToInject { get; set; }

    /// <summary>When set, appends wait for this task before storing.</summary>
    public Task? Stall { get; set; }

    public async Task AppendAsync(IReadOnlyList<Reading> readings, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            AppendCalls++;
            if (FailuresToInject > 0)
            {
                FailuresToInject--;
                throw new IOException("store unavailable (injected)");
            }
        }

        if (Stall is { } stall)
        {
            await stall.WaitAsync(cancellationToken);
        }

        lock (_gate)
        {
            Batches.Add([.. readings]);
        }
    }

    public Task<int> SetQualityFlagsAsync(IReadOnlyList<QualityFlagUpdate> updates, QualityFlags owned, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Ingestion never sets quality flags; quality control does, once the readings are stored.");

    public async IAsyncEnumerable<Reading> QueryAsync(ReadingQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        foreach (var reading in Batches.SelectMany(batch => batch))
        {
            yield return reading;
        }
    }

    public Task AddAsync(DeadLetter deadLetter, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            DeadLetters.Add(deadLetter);
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<DeadLetter> ListAsync(int limit, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        foreach (var deadLetter in DeadLetters.Take(limit))
        {
            yield return deadLetter;
        }
    }

    public Task<IReadOnlyList<DeadLetter>> GetAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DeadLetter>>([.. DeadLetters.Where(deadLetter => ids.Contains(deadLetter.Id))]);

    public Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(DeadLetters.RemoveAll(deadLetter => deadLetter.Id == id) > 0);
        }
    }

    public Task<IReadOnlyDictionary<string, long>> CountByKindAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, long>>(DeadLetters.GroupBy(deadLetter => deadLetter.Kind).ToDictionary(group => group.Key, group => (long)group.Count()));

    public Task UpdateStatusAsync(string deviceId, DeviceStatus status, DateTimeOffset receivedAt, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            Statuses[deviceId] = status;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DeviceSummary>> ListDevicesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DeviceSummary>>([]);
}

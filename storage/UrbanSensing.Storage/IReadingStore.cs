using UrbanSensing.Protocol;

namespace UrbanSensing.Storage;

/// <summary>
/// Where readings live. Appends are idempotent on (device, sensor, quantity, time): storing a reading
/// that is already there changes nothing, so at-least-once delivery never duplicates data.
/// </summary>
public interface IReadingStore
{
    /// <summary>Stores the batch durably, all or nothing; returns only once the readings would survive a crash.</summary>
    /// <param name="readings">Not kept once the task completes: the caller may reuse it.</param>
    Task AppendAsync(IReadOnlyList<Reading> readings, CancellationToken cancellationToken = default);

    /// <summary>Readings matching the query, ordered by device, sensor, quantity and time.</summary>
    IAsyncEnumerable<Reading> QueryAsync(ReadingQuery query, CancellationToken cancellationToken = default);
}

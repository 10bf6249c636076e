using UrbanSensing.Protocol;
using UrbanSensing.Storage.Aggregation;

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

    /// <summary>
    /// Statistics of the selected readings per channel and window (<see cref="CalendarWindows"/>), ordered by device,
    /// sensor, quantity and window; windows without readings are left out. A store whose engine can compute the same
    /// windows overrides this; otherwise the readings are aggregated as they stream out of <see cref="QueryAsync"/>.
    /// </summary>
    IAsyncEnumerable<AggregatedWindow> AggregateAsync(AggregateQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return WindowAggregator.AggregateAsync(QueryAsync(query.Selection with { Limit = null }, cancellationToken), query, cancellationToken);
    }
}

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
    /// Sets the quality-control flags of readings already stored: for each update whose reading (device, sensor,
    /// quantity, time) is stored, the reading's flags become <c>(flags &amp; ~owned) | (update.Flags &amp; owned)</c>
    /// (<see cref="QualityFlagUpdate.ApplyTo"/>). So a pass sets and clears only the bits it owns, every other bit stays
    /// as stored (<see cref="QualityFlags.Unregistered"/> among them), and running a pass again changes nothing. An
    /// update naming a reading that is not stored changes nothing and creates nothing. Returns once the changes would
    /// survive a crash; a store that fails may have applied part of the updates, which running the pass again completes.
    /// </summary>
    /// <param name="updates">One per reading; bits outside <paramref name="owned"/> are ignored. Not kept once the task completes.</param>
    /// <param name="owned">The flags the pass decides, a non-empty part of <see cref="QualityFlagUpdates.Ownable"/>.</param>
    /// <returns>The number of updates whose reading is stored, whether or not its flags changed.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="owned"/> is empty or holds <see cref="QualityFlags.Unregistered"/> or an undefined bit, an
    /// update has no device id, sensor or quantity, or two updates name the same reading; nothing was changed
    /// (<see cref="QualityFlagUpdates.ThrowIfInvalid"/>).
    /// </exception>
    Task<int> SetQualityFlagsAsync(IReadOnlyList<QualityFlagUpdate> updates, QualityFlags owned, CancellationToken cancellationToken = default);

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

namespace UrbanSensing.Storage;

/// <summary>Keeps every message that was rejected, with why, so nothing accepted from the broker is silently lost.</summary>
public interface IDeadLetterStore
{
    /// <summary>Stores the dead letter durably before returning.</summary>
    Task AddAsync(DeadLetter deadLetter, CancellationToken cancellationToken = default);

    /// <summary>The most recent dead letters first, at most <paramref name="limit"/>.</summary>
    IAsyncEnumerable<DeadLetter> ListAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>The dead letters with these ids that exist, oldest first.</summary>
    Task<IReadOnlyList<DeadLetter>> GetAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Removes a dead letter once its message has been accepted on resubmission; false if it was not there.</summary>
    Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>How many dead letters there are of each kind.</summary>
    Task<IReadOnlyDictionary<string, long>> CountByKindAsync(CancellationToken cancellationToken = default);
}

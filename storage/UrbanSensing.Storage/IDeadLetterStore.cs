namespace UrbanSensing.Storage;

/// <summary>Keeps every message that was rejected, with why, so nothing accepted from the broker is silently lost.</summary>
public interface IDeadLetterStore
{
    /// <summary>Stores the dead letter durably before returning.</summary>
    Task AddAsync(DeadLetter deadLetter, CancellationToken cancellationToken = default);

    /// <summary>The most recent dead letters first, at most <paramref name="limit"/>.</summary>
    IAsyncEnumerable<DeadLetter> ListAsync(int limit, CancellationToken cancellationToken = default);
}

namespace UrbanSensing.Storage;

/// <summary>Keeps the events the continuous analytics raise, for dashboards, alerts and <c>GET /api/v1/events</c>.</summary>
public interface IAnalyticsEventStore
{
    /// <summary>Stores the events durably; an event already stored (same time, kind and subject) is kept once, as it was first raised.</summary>
    /// <returns>How many of them were new: an event raised again (the analytics replaying after a restart) is not news.</returns>
    Task<int> AddAsync(IReadOnlyList<StoredAnalyticsEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Events whose time is in [<paramref name="rangeStart"/>, <paramref name="rangeEnd"/>), newest first, at most <paramref name="limit"/>.</summary>
    /// <param name="kinds">Only these kinds; every kind when empty.</param>
    IAsyncEnumerable<StoredAnalyticsEvent> ListAsync(DateTimeOffset rangeStart, DateTimeOffset rangeEnd, IReadOnlyCollection<string> kinds, int limit, CancellationToken cancellationToken = default);
}

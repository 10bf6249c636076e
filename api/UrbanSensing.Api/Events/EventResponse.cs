using UrbanSensing.Storage;

namespace UrbanSensing.Api.Events;

/// <summary>One event of <c>GET /api/v1/events</c>.</summary>
public sealed record EventResponse(DateTimeOffset Time, string Kind, string Subject, string Message, double? Value, DateTimeOffset RaisedAt)
{
    public static EventResponse From(StoredAnalyticsEvent stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new(stored.Time.ToUniversalTime(), stored.Kind, stored.Subject, stored.Message, stored.Value, stored.RaisedAt.ToUniversalTime());
    }
}

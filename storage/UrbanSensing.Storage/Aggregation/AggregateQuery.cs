namespace UrbanSensing.Storage.Aggregation;

/// <summary>Statistics of the selected readings per channel and window.</summary>
/// <param name="Selection">Which readings; its limit, when set, bounds the number of windows returned.</param>
/// <param name="Aggregates">At least one; each <see cref="AggregatedWindow"/> holds their values in this order.</param>
/// <param name="TimeZone">Whose wall clock the windows follow (midnights, Mondays, first days of months, and hours across daylight-saving changes).</param>
public sealed record AggregateQuery(
    ReadingQuery Selection,
    AggregationWindow Window,
    IReadOnlyList<Aggregate> Aggregates,
    TimeZoneInfo TimeZone);

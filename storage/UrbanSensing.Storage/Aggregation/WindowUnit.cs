namespace UrbanSensing.Storage.Aggregation;

/// <summary>The calendar unit of an <see cref="AggregationWindow"/>.</summary>
public enum WindowUnit
{
    Minute,
    Hour,
    Day,

    /// <summary>ISO 8601 weeks, from Monday 00:00.</summary>
    Week,
    Month,
}

namespace UrbanSensing.Storage;

/// <summary>An event the continuous analytics raised (a heat wave starts, a basin nears overflow), as kept for dashboards and alerts.</summary>
/// <param name="Time">When it happened: the device time of the reading, or the start of the day, that raised it.</param>
/// <param name="Kind">What happened, such as <c>heat-wave-started</c> or <c>basin-near-overflow</c>.</param>
/// <param name="Subject">Where: the registry site or the basin.</param>
/// <param name="Message">What happened in a sentence a city technician understands, with the numbers.</param>
/// <param name="Value">The number that raised it, when there is one (a fill fraction, a 3-day mean).</param>
/// <param name="RaisedAt">When the service raised it (its clock, UTC).</param>
public sealed record StoredAnalyticsEvent(DateTimeOffset Time, string Kind, string Subject, string Message, double? Value, DateTimeOffset RaisedAt);

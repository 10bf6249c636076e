namespace UrbanSensing.Analytics.Streaming;

/// <summary>Something the continuous analytics noticed that a person should know: stored, logged and served for dashboards and alerts.</summary>
/// <param name="Time">
/// The device time of the reading that triggered it (basins), or the local midnight starting the day it is about
/// (heat waves), with the offset of the analytics' time zone at that instant.
/// </param>
/// <param name="Kind">One of <see cref="AnalyticsEventKinds"/>.</param>
/// <param name="Subject">The site id (heat waves) or the basin id (basins).</param>
/// <param name="Message">One sentence for a city technician, with the numbers and their units.</param>
/// <param name="Value">The number the event is about; each kind in <see cref="AnalyticsEventKinds"/> says which and in what unit.</param>
public sealed record AnalyticsEvent(DateTimeOffset Time, string Kind, string Subject, string Message, double? Value);

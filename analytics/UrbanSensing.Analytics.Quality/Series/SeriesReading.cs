namespace UrbanSensing.Analytics.Quality.Series;

/// <summary>One value of one sensor channel, as the single-series checks see it.</summary>
/// <param name="Timestamp">Device time of the measurement; a series is strictly increasing in it.</param>
/// <param name="Value">The measured value, a finite number in the quantity's unit.</param>
/// <param name="ClockSynchronised">Whether the device reported its clock synchronised (NTP or GNSS) when it measured.</param>
public readonly record struct SeriesReading(DateTimeOffset Timestamp, double Value, bool ClockSynchronised = true);

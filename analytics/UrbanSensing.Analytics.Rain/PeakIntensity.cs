namespace UrbanSensing.Analytics.Rain;

/// <summary>
/// The largest depth that fell in any window of length <see cref="Duration"/> during an event, and the mean
/// intensity over that window.
/// </summary>
/// <param name="WindowEnd">The end of the window (the time of its last tip); the window is (end − duration, end].</param>
public sealed record PeakIntensity(TimeSpan Duration, double DepthMm, double IntensityMmPerHour, DateTimeOffset WindowEnd);

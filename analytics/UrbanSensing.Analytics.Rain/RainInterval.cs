namespace UrbanSensing.Analytics.Rain;

/// <summary>The rain collected in one interval [<see cref="Start"/>, <see cref="End"/>) of a regular series.</summary>
/// <param name="DepthMm">Rain depth in mm: the tips counted in the interval times the bucket resolution.</param>
/// <param name="IntensityMmPerHour">Mean intensity over the interval, mm/h.</param>
public readonly record struct RainInterval(DateTimeOffset Start, DateTimeOffset End, double DepthMm, double IntensityMmPerHour);

namespace UrbanSensing.Analytics.Rain;

/// <summary>How full a basin is at one level reading.</summary>
/// <param name="VolumeM3">Stored volume, m³.</param>
/// <param name="FractionOfCapacity">Stored volume over the volume at the overflow level, 0 to 1.</param>
/// <param name="IsAboveWarning">True when the fraction is at or above the warning threshold.</param>
public sealed record StorageState(double LevelM, double VolumeM3, double FractionOfCapacity, bool IsAboveWarning);

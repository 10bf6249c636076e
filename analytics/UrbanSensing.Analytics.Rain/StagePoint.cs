namespace UrbanSensing.Analytics.Rain;

/// <summary>One row of a stage-storage table: the water level above the basin's reference, m, and the volume stored at it, m³.</summary>
public readonly record struct StagePoint(double LevelM, double VolumeM3);

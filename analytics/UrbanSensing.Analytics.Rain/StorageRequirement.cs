namespace UrbanSensing.Analytics.Rain;

/// <summary>The storage volume the méthode des pluies asks for.</summary>
/// <param name="VolumeM3">The largest difference between inflow and outflow volumes over all fitted durations, m³ (zero when the outflow always keeps up).</param>
/// <param name="CriticalDurationMinutes">The rain duration that gives that volume, minutes.</param>
/// <param name="StorageDepthMm">The volume per unit active area (Ca · A), mm: the "hauteur spécifique de stockage".</param>
/// <param name="CriticalDurationAtLongestFit">True when the maximum sits at the longest fitted duration: the true maximum may lie beyond the coefficients, so the volume is a lower bound.</param>
public sealed record StorageRequirement(double VolumeM3, double CriticalDurationMinutes, double StorageDepthMm, bool CriticalDurationAtLongestFit);

namespace UrbanSensing.Analytics.Rain;

/// <summary>
/// A retention basin or swale: its stage-storage curve, the level at which it overflows, and the fill fraction at
/// which an overflow risk is raised.
/// </summary>
public sealed class RetentionStorage
{
    public RetentionStorage(StageStorageCurve curve, double overflowLevelM, double warningFraction = 0.8)
    {
        ArgumentNullException.ThrowIfNull(curve);
        if (!double.IsFinite(overflowLevelM) || overflowLevelM <= curve.MinLevelM || overflowLevelM > curve.MaxLevelM)
        {
            throw new ArgumentOutOfRangeException(nameof(overflowLevelM), overflowLevelM, $"The overflow level is above the bottom of the table and within it, ({curve.MinLevelM}, {curve.MaxLevelM}] m.");
        }

        if (!double.IsFinite(warningFraction) || warningFraction <= 0 || warningFraction > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(warningFraction), warningFraction, "A warning threshold is a fraction of capacity in (0, 1].");
        }

        Curve = curve;
        OverflowLevelM = overflowLevelM;
        WarningFraction = warningFraction;
        CapacityM3 = curve.VolumeAt(overflowLevelM);
    }

    public StageStorageCurve Curve { get; }

    public double OverflowLevelM { get; }

    public double WarningFraction { get; }

    /// <summary>The volume stored when the water reaches the overflow level, m³.</summary>
    public double CapacityM3 { get; }

    /// <summary>
    /// The state at a measured level, which it keeps as given: one above the overflow counts as full (the excess spills,
    /// it is not stored), one below the bottom of the stage-storage table as empty (a sensor reads below the invert).
    /// </summary>
    public StorageState Assess(double levelM)
    {
        var stored = Curve.VolumeAt(Math.Clamp(levelM, Curve.MinLevelM, OverflowLevelM));
        var fraction = stored / CapacityM3;
        return new StorageState(levelM, stored, fraction, fraction >= WarningFraction);
    }
}

namespace UrbanSensing.Analytics.Quality;

/// <summary>What a check says about one input reading; results come in the order of the readings, one each.</summary>
/// <param name="Flags">The flags raised; <see cref="QcFlags.None"/> when the reading passed.</param>
public readonly record struct QcResult(QcFlags Flags)
{
    public bool Passed => Flags == QcFlags.None;

    public bool Has(QcFlags flag) => (Flags & flag) == flag;
}

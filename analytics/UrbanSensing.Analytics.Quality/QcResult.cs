using UrbanSensing.Protocol;
namespace UrbanSensing.Analytics.Quality;

/// <summary>What a check says about one input reading; results come in the order of the readings, one each.</summary>
/// <param name="Flags">The flags raised; <see cref="QualityFlags.None"/> when the reading passed.</param>
public readonly record struct QcResult(QualityFlags Flags)
{
    public bool Passed => Flags == QualityFlags.None;

    public bool Has(QualityFlags flag) => (Flags & flag) == flag;
}

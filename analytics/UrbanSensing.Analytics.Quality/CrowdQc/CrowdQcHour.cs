using UrbanSensing.Protocol;
namespace UrbanSensing.Analytics.Quality.CrowdQc;

/// <summary>What CrowdQC+ says of one station-hour.</summary>
/// <param name="Hour">Start of the hour, UTC.</param>
/// <param name="Value">The input value, unchanged; <see langword="null"/> where the input had none.</param>
/// <param name="Flags">
/// At most one of <see cref="QualityFlags.Missing"/> and m1 to m5: the step that took the value out (later steps leave it
/// alone, as CrowdQC+ carries its FALSE along). o2 and o3 flag only values usable after o1.
/// </param>
/// <param name="InterpolatedValue">The o1 value for an hour that was missing or failed m1–m5, where it could be interpolated.</param>
public readonly record struct CrowdQcHour(DateTimeOffset Hour, double? Value, QualityFlags Flags, double? InterpolatedValue)
{
    private const QualityFlags MainSteps =
        QualityFlags.Missing | QualityFlags.CrowdQcM1 | QualityFlags.CrowdQcM2 | QualityFlags.CrowdQcM3 | QualityFlags.CrowdQcM4 | QualityFlags.CrowdQcM5;

    /// <summary>Valid at level m5: what CrowdQC+ calls passing the main steps.</summary>
    public bool PassesMainSteps => (Flags & MainSteps) == 0;

    /// <summary>Usable after o1: passed m1–m5, or interpolated.</summary>
    public bool IsUsableAfterO1 => PassesMainSteps || InterpolatedValue.HasValue;

    /// <summary>Usable after all optional steps (CrowdQC+'s o3 TRUE).</summary>
    public bool IsUsableAfterO3 => IsUsableAfterO1 && (Flags & (QualityFlags.CrowdQcO2 | QualityFlags.CrowdQcO3)) == 0;

    /// <summary>The value to use at level o1 or later: the interpolated one where there is one.</summary>
    public double? UsableValue => InterpolatedValue ?? (PassesMainSteps ? Value : null);
}

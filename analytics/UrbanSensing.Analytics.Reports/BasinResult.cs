using UrbanSensing.Analytics.Rain;

namespace UrbanSensing.Analytics.Reports;

/// <summary>
/// One basin over the range: its latest state, its fullest, and the drawdown of each falling limb. States are null when
/// the basin has no level reading in the range.
/// </summary>
public sealed record BasinResult(
    BasinDefinition Basin,
    int Readings,
    int FlaggedLeftOut,
    DateTimeOffset? LatestTime,
    StorageState? Latest,
    DateTimeOffset? MaximumTime,
    StorageState? Maximum,
    IReadOnlyList<DrawdownResult> Drawdowns);

namespace UrbanSensing.Analytics.QualityControl;

/// <summary>What one <see cref="QualityControlPass.RunAsync"/> did, for the host to log.</summary>
/// <param name="From">Start of the range the pass was given.</param>
/// <param name="To">End of the range the pass was given, excluded.</param>
/// <param name="Series">One per quantity configured for the single-series checks, in the catalogue's order.</param>
/// <param name="CrowdQc">One per UTC month the air-temperature readings settled by the pass fall in, judged or skipped.</param>
public sealed record QualityControlSummary(
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<SeriesCheckSummary> Series,
    IReadOnlyList<CrowdQcMonthSummary> CrowdQc);

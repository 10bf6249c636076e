namespace UrbanSensing.Analytics.Quality.CrowdQc;

/// <summary>CrowdQC+'s verdict on one station: one entry per input hour, in order.</summary>
/// <param name="StationId">The station's id.</param>
/// <param name="IsIsolated">Fewer buddies within the m5 radius than required (CrowdQC+'s "isolated").</param>
/// <param name="Hours">As many as the station's input hours.</param>
public sealed record CrowdQcStationResult(string StationId, bool IsIsolated, IReadOnlyList<CrowdQcHour> Hours);

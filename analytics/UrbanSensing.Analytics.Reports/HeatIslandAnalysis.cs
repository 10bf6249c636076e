namespace UrbanSensing.Analytics.Reports;

/// <summary>The heat-island report and, when asked for and at least two sites have data, its map.</summary>
public sealed record HeatIslandAnalysis(HeatIslandReport Report, HeatIslandMap? Map);

using UrbanSensing.Analytics.Heat;
using UrbanSensing.Analytics.Reports;

namespace UrbanSensing.Bench.Analytics;

/// <summary>What the staged heat-island analysis computes, kept to check it against the baseline.</summary>
internal sealed record AnalyzeUhiResult(IReadOnlyDictionary<string, IReadOnlyList<HourlyHeatIsland>> HourlyBySite, HeatIslandReport Report);

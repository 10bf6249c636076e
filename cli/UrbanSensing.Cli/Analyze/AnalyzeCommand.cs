using System.CommandLine;

namespace UrbanSensing.Cli.Analyze;

/// <summary>
/// <c>urbansensing analyze …</c>: batch heat analyses of a running service's stored air temperatures, through its
/// HTTP API (the DuckDB file is locked by the service), computed with UrbanSensing.Analytics.Heat.
/// </summary>
internal static class AnalyzeCommand
{
    public static Command Create() => new("analyze", "Batch analyses of a running service's stored series: urban heat island, heat waves")
    {
        HeatIslandCommand.Create(),
        HeatWaveCommand.Create(),
    };
}

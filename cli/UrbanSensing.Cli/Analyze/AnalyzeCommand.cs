using System.CommandLine;

namespace UrbanSensing.Cli.Analyze;

/// <summary>
/// <c>urbansensing analyze …</c>: batch analyses of a running service's stored series, through its HTTP API (the
/// DuckDB file is locked by the service), computed with UrbanSensing.Analytics.Heat, .Comfort, .AirQuality and .Rain.
/// </summary>
internal static class AnalyzeCommand
{
    public static Command Create() => new("analyze", "Batch analyses of a running service's stored series: urban heat island, heat waves, thermal comfort, air-quality index, rain events, retention basins")
    {
        HeatIslandCommand.Create(),
        HeatWaveCommand.Create(),
        ComfortCommand.Create(),
        AirQualityCommand.Create(),
        RainCommand.Create(),
        BasinsCommand.Create(),
    };
}

namespace UrbanSensing.Api.Analyses;

/// <summary>How an analysis answers: its report as JSON or CSV, or its chart as PNG.</summary>
public enum AnalysisFormat
{
    Json,
    Csv,
    Png,
}

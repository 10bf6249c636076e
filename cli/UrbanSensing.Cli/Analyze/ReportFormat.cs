namespace UrbanSensing.Cli.Analyze;

/// <summary>How an analysis is written: one CSV row per site (or day) and day, or one JSON document with its summaries.</summary>
internal enum ReportFormat
{
    Csv,
    Json,
}

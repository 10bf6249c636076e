namespace UrbanSensing.Analytics.Reports;

/// <summary>How an analysis is written: one CSV row per site (or day) and day, or one JSON document with its summaries.</summary>
public enum ReportFormat
{
    Csv,
    Json,
}

namespace UrbanSensing.Api.Readings;

/// <summary>How readings are written: a JSON array, or CSV (RFC 4180, header row) that spreadsheets and pandas read.</summary>
public enum ReadingFormat
{
    Json,
    Csv,
}

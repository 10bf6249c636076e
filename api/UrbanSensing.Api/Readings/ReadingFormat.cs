namespace UrbanSensing.Api.Readings;

/// <summary>How readings are written: a JSON array, CSV (RFC 4180, header row) that spreadsheets read, or Parquet that pandas, R, DuckDB and Spark read.</summary>
public enum ReadingFormat
{
    Json,
    Csv,
    Parquet,
}

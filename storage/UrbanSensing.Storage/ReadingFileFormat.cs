namespace UrbanSensing.Storage;

public enum ReadingFileFormat
{
    /// <summary>RFC 4180 with a header row; times as ISO 8601 UTC with microseconds.</summary>
    Csv,

    /// <summary>Snappy-compressed; times as UTC timestamps.</summary>
    Parquet,
}

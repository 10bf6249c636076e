namespace UrbanSensing.Cli.Export;

public enum OutputFormat
{
    Csv,
    Parquet,
}

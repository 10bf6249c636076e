namespace UrbanSensing.Cli;

public enum ReadingStoreKind
{
    /// <summary>The embedded DuckDB file: zero set-up.</summary>
    DuckDb,

    /// <summary>InfluxDB 1.8+/2.x/3.x/Cloud or a compatible server (section <c>Storage:InfluxDb</c>), behind a disk spill.</summary>
    InfluxDb,
}

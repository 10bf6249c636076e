namespace UrbanSensing.Storage.InfluxDb;

/// <summary>The HTTP API the store writes line protocol to.</summary>
public enum InfluxDbWriteEndpoint
{
    /// <summary><c>/api/v2/write?org=&amp;bucket=</c>: InfluxDB 2.x, 3.x and Cloud, InfluxDB 1.8+ and VictoriaMetrics.</summary>
    V2,

    /// <summary><c>/write?db=&amp;rp=</c>: InfluxDB 1.x before 1.8, which has no v2 endpoint.</summary>
    V1,
}

namespace UrbanSensing.Storage.Contract.Tests;

/// <summary>The stores the contract is checked against.</summary>
public enum StoreKind
{
    /// <summary>The embedded store, on a file in a temporary folder.</summary>
    DuckDb,

    /// <summary>The InfluxDB store, on InfluxDB 1.x started by the tests on 127.0.0.1.</summary>
    InfluxDb,
}

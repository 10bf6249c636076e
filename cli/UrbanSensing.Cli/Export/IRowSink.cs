namespace UrbanSensing.Cli.Export;

/// <summary>Where downloaded rows go: the API's CSV lines, slice after slice, under one header.</summary>
internal interface IRowSink : IAsyncDisposable
{
    /// <summary>The rows written so far.</summary>
    long Rows { get; }

    /// <summary>Called with each slice's header line; every slice of one output has the same.</summary>
    Task HeaderAsync(string header, CancellationToken cancellationToken);

    Task RowAsync(string line, CancellationToken cancellationToken);

    /// <summary>A slice is complete: what it wrote is made durable as a unit (a Parquet row group).</summary>
    Task EndSliceAsync(CancellationToken cancellationToken);
}

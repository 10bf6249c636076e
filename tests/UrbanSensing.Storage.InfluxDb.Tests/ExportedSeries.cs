namespace UrbanSensing.Storage.InfluxDb.Tests;

/// <summary>One series of VictoriaMetrics' JSON-lines export: its labels (the name under <c>__name__</c>) and samples.</summary>
/// <param name="Timestamps">Milliseconds since the Unix epoch, one per value.</param>
public sealed record ExportedSeries(IReadOnlyDictionary<string, string> Labels, double[] Values, long[] Timestamps);

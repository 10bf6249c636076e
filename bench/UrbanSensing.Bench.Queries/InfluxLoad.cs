using System.Diagnostics;
using UrbanSensing.Protocol;
using UrbanSensing.Registry;
using UrbanSensing.Storage;
using UrbanSensing.Storage.DuckDb;
using UrbanSensing.Storage.InfluxDb;

namespace UrbanSensing.Bench.Queries;

/// <summary>
/// Copies every reading of the bench's DuckDB file into an InfluxDB 1.x database through the InfluxDB store (the
/// <c>/write</c> endpoint), tagged from the bench registry as ingestion would tag them.
/// </summary>
internal static class InfluxLoad
{
    private const int ChunkReadings = 50_000;

    public static async Task<(long Readings, double Seconds)> RunAsync(string file, string registryFolder, Uri influx, string database, int days)
    {
        var registry = await RegistryLoader.LoadAsync(
            Path.Combine(registryFolder, "sites.geojson"), Path.Combine(registryFolder, "devices.json")).ConfigureAwait(false);
        var source = await DuckDbStore.OpenAsync(new DuckDbStoreOptions { Path = file, MemoryLimit = "1GB" }).ConfigureAwait(false);
        await using var sourceScope = source.ConfigureAwait(false);
        var target = new InfluxDbStore(
            new InfluxDbStoreOptions
            {
                Url = influx.ToString(),
                WriteEndpoint = InfluxDbWriteEndpoint.V1,
                Database = database,
                BatchSize = 10_000,
                Timeout = TimeSpan.FromMinutes(2),
            },
            deviceId => registry.TryGetDevice(deviceId, out var device)
                ? new DeviceTags(device.Site.Id, device.Site.District, device.Site.LocalClimateZone.Code)
                : null);
        await using var targetScope = target.ConfigureAwait(false);

        var from = DateTimeOffset.Parse(BenchData.First, System.Globalization.CultureInfo.InvariantCulture);
        var query = new ReadingQuery([], [], from, from.AddDays(days));
        var watch = Stopwatch.StartNew();
        var chunk = new List<Reading>(ChunkReadings);
        long copied = 0;
        await foreach (var reading in source.QueryAsync(query).ConfigureAwait(false))
        {
            chunk.Add(reading);
            if (chunk.Count == ChunkReadings)
            {
                copied += await WriteAsync(target, chunk, copied).ConfigureAwait(false);
            }
        }

        copied += await WriteAsync(target, chunk, copied).ConfigureAwait(false);
        return (copied, watch.Elapsed.TotalSeconds);
    }

    private static async Task<int> WriteAsync(InfluxDbStore target, List<Reading> chunk, long copiedBefore)
    {
        var count = chunk.Count;
        await target.AppendAsync(chunk).ConfigureAwait(false);
        chunk.Clear();
        if ((copiedBefore + count) / 5_000_000 > copiedBefore / 5_000_000)
        {
            await Console.Error.WriteLineAsync($"  {copiedBefore + count:N0} readings in InfluxDB").ConfigureAwait(false);
        }

        return count;
    }
}

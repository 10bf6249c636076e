using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using UrbanSensing.Bench.Queries;
using UrbanSensing.Registry;
using UrbanSensing.Storage.DuckDb;

// urbansensing-bench-queries generate <file> <registry folder> <devices> <days>
// urbansensing-bench-queries baseline <file> <district> <month yyyy-MM> <output folder> <registry folder>
// urbansensing-bench-queries influx <file> <registry folder> <InfluxDB 1.x URL> <database> <days>
if (args is ["generate", var file, var registry, var devicesText, var daysText])
{
    var devices = int.Parse(devicesText, CultureInfo.InvariantCulture);
    var days = int.Parse(daysText, CultureInfo.InvariantCulture);
    BenchRegistry.Write(registry, devices);
    var store = await DuckDbStore.OpenAsync(new DuckDbStoreOptions { Path = file, MemoryLimit = "4GB" }).ConfigureAwait(false);
    await store.DisposeAsync().ConfigureAwait(false);
    using var connection = Open(file);
    var watch = Stopwatch.StartNew();
    Execute(connection, BenchData.ChannelsSql(devices));
    Execute(connection, BenchData.ReadingsSql(days));
    Execute(connection, "CHECKPOINT");
    Console.WriteLine(JsonSerializer.Serialize(new { readings = Scalar(connection, "SELECT count(*) FROM readings"), seconds = watch.Elapsed.TotalSeconds }));
    return 0;
}

if (args is ["baseline", var data, var district, var month, var output, var registryPath])
{
    using var connection = Open(data);
    var benchRegistry = await RegistryLoader.LoadAsync(Path.Combine(registryPath, "sites.geojson"), Path.Combine(registryPath, "devices.json")).ConfigureAwait(false);
    Execute(connection, BenchData.PlacesSql(benchRegistry));
    var devices = BenchRegistry.DevicesIn(district, (int)Convert.ToInt64(Scalar(connection, "SELECT count(DISTINCT device_id) FROM channels"), CultureInfo.InvariantCulture));
    var start = DateTimeOffset.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    var results = new Dictionary<string, object>
    {
        ["hourly_district"] = Time(connection, BenchData.HourlyMeansSql(devices)),
        ["daily_max_paris"] = Time(connection, BenchData.DailyMaxParisSql),
        ["daily_max_utc"] = Time(connection, BenchData.DailyMaxUtcSql),
        ["month_parquet"] = Time(connection, BenchData.CopyMonthSql(start, Path.Combine(output, "baseline-month.parquet"), "PARQUET")),
        ["month_csv"] = Time(connection, BenchData.CopyMonthSql(start, Path.Combine(output, "baseline-month.csv"), "CSV, HEADER")),
        ["month_parquet_places"] = Time(connection, BenchData.CopyMonthWithPlacesSql(start, Path.Combine(output, "baseline-month-places.parquet"), "PARQUET")),
        ["month_csv_places"] = Time(connection, BenchData.CopyMonthWithPlacesSql(start, Path.Combine(output, "baseline-month-places.csv"), "CSV, HEADER")),
        ["month_rows"] = Scalar(connection, BenchData.MonthRowsSql(start)) ?? 0L,
    };
    Console.WriteLine(JsonSerializer.Serialize(results));
    return 0;
}

if (args is ["influx", var source, var registryFolder, var url, var database, var daysToCopy])
{
    var (copied, seconds) = await InfluxLoad.RunAsync(source, registryFolder, new Uri(url), database, int.Parse(daysToCopy, CultureInfo.InvariantCulture)).ConfigureAwait(false);
    Console.WriteLine(JsonSerializer.Serialize(new { readings = copied, seconds }));
    return 0;
}

await Console.Error.WriteLineAsync("usage: urbansensing-bench-queries generate <file> <registry folder> <devices> <days> | baseline <file> <district> <yyyy-MM> <output folder> <registry folder> | influx <file> <registry folder> <InfluxDB 1.x URL> <database> <days>").ConfigureAwait(false);
return 2;

static DuckDBConnection Open(string file)
{
    var connection = new DuckDBConnection($"DataSource={file}");
    connection.Open();
    return connection;
}

static void Execute(DuckDBConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.ExecuteNonQuery();
}

static object? Scalar(DuckDBConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    return command.ExecuteScalar();
}

// The best of three runs, each reading every row of the answer as a client would.
static double Time(DuckDBConnection connection, string sql)
{
    var best = double.MaxValue;
    for (var run = 0; run < 3; run++)
    {
        var watch = Stopwatch.StartNew();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
        }

        best = Math.Min(best, watch.Elapsed.TotalSeconds);
    }

    return best;
}

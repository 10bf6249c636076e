using System.Globalization;
using UrbanSensing.Registry;

namespace UrbanSensing.Bench.Queries;

/// <summary>The SQL that makes the year of readings, and DuckDB's own SQL for the queries the API is compared with.</summary>
internal static class BenchData
{
    public const string First = "2025-01-01 00:00:00+00";

    public static string ChannelsSql(int devices) => string.Join(
        ";\n",
        Enumerable.Range(0, devices).SelectMany(index => new[]
        {
            string.Create(CultureInfo.InvariantCulture, $"INSERT INTO channels VALUES ({(2 * index) + 1}, '{BenchRegistry.DeviceId(index)}', 'sht31', 'air-temperature', 'Cel')"),
            string.Create(CultureInfo.InvariantCulture, $"INSERT INTO channels VALUES ({(2 * index) + 2}, '{BenchRegistry.DeviceId(index)}', 'sht31', 'relative-humidity', '%RH')"),
        }));

    // One reading a minute per channel, in time order as ingestion would have written them: a seasonal and a daily
    // cycle for temperature, a daily one for humidity.
    public static string ReadingsSql(int days) => string.Create(CultureInfo.InvariantCulture, $"""
        INSERT INTO readings (channel, time, value, sequence, flags)
        SELECT c.channel,
               TIMESTAMPTZ '{First}' + to_minutes(m),
               CASE WHEN c.quantity = 'air-temperature'
                    THEN round(12 + 8 * sin(2 * pi() * (m / 1440.0 - 110) / 365) + 4 * sin(2 * pi() * ((m % 1440) - 540) / 1440.0) + c.channel * 0.01, 2)
                    ELSE round(70 + 15 * sin(2 * pi() * ((m % 1440) - 240) / 1440.0), 2) END,
               m,
               0
        FROM range(0, {days * 1440}) AS t(m), channels AS c
        ORDER BY m, c.channel
        """);

    public static string HourlyMeansSql(IReadOnlyList<string> devices) => $"""
        SELECT device_id, date_trunc('hour', time) AS hour, avg(value)
        FROM labelled_readings
        WHERE device_id IN ({string.Join(", ", devices.Select(device => $"'{device}'"))}) AND quantity = 'air-temperature'
        GROUP BY ALL
        """;

    public const string DailyMaxParisSql = """
        SELECT device_id, sensor, quantity, date_trunc('day', time AT TIME ZONE 'Europe/Paris') AS day, max(value)
        FROM labelled_readings
        GROUP BY ALL
        """;

    public const string DailyMaxUtcSql = """
        SELECT channel, date_trunc('day', time AT TIME ZONE 'UTC') AS day, max(value)
        FROM readings
        GROUP BY ALL
        """;

    public static string CopyMonthSql(DateTimeOffset month, string path, string format) => string.Create(CultureInfo.InvariantCulture, $"""
        COPY (SELECT * FROM labelled_readings WHERE time >= TIMESTAMPTZ '{month:yyyy-MM-dd} 00:00:00+00' AND time < TIMESTAMPTZ '{month.AddMonths(1):yyyy-MM-dd} 00:00:00+00')
        TO '{path}' (FORMAT {format})
        """);

    /// <summary>A temporary table of each registered device's site, district and local climate zone.</summary>
    public static string PlacesSql(SensorRegistry registry) =>
        "CREATE TEMP TABLE bench_places (device_id VARCHAR, site VARCHAR, district VARCHAR, lcz VARCHAR);\n" + string.Join(
            ";\n",
            registry.Devices.Select(device => $"INSERT INTO bench_places VALUES ('{device.Id}', '{device.Site.Id}', '{device.Site.District.Replace("'", "''", StringComparison.Ordinal)}', '{device.Site.LocalClimateZone.Code}')"));

    /// <summary>The month with the columns the API's export has: each reading with its device's site, district and LCZ.</summary>
    public static string CopyMonthWithPlacesSql(DateTimeOffset month, string path, string format) => string.Create(CultureInfo.InvariantCulture, $"""
        COPY (SELECT r.device_id AS device, r.sensor, r.quantity, r.unit, r.time, r.value, r.sequence, r.flags, p.site, p.district, p.lcz
              FROM labelled_readings AS r LEFT JOIN bench_places AS p USING (device_id)
              WHERE r.time >= TIMESTAMPTZ '{month:yyyy-MM-dd} 00:00:00+00' AND r.time < TIMESTAMPTZ '{month.AddMonths(1):yyyy-MM-dd} 00:00:00+00')
        TO '{path}' (FORMAT {format})
        """);

    public static string MonthRowsSql(DateTimeOffset month) => string.Create(CultureInfo.InvariantCulture, $"""
        SELECT count(*) FROM readings WHERE time >= TIMESTAMPTZ '{month:yyyy-MM-dd} 00:00:00+00' AND time < TIMESTAMPTZ '{month.AddMonths(1):yyyy-MM-dd} 00:00:00+00'
        """);
}

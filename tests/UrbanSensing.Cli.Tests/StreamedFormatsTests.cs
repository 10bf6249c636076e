using System.Globalization;
using System.Text;
using UrbanSensing.Api.Readings;
using UrbanSensing.Protocol;
using UrbanSensing.Registry;

namespace UrbanSensing.Cli.Tests;

/// <summary>Large answers streamed to a body that, like Kestrel's, refuses synchronous writes.</summary>
public sealed class StreamedFormatsTests
{
    private const int Readings = 250_000;
    private static readonly DateTimeOffset Start = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly SensorRegistry Registry = new([], []);

    [Fact]
    public async Task Csv_ManyReadings_AreWrittenAsynchronouslyEveryOne()
    {
        using var body = new AsynchronousOnlyStream();

        await ReadingCsv.WriteReadingsAsync(Generate(), Registry, body, TestContext.Current.CancellationToken);

        var lines = Encoding.UTF8.GetString(body.Received).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Readings + 1, lines.Length);
        Assert.StartsWith($"dev-1,sht31,air-temperature,Cel,{Start.AddMinutes(Readings - 1).UtcDateTime:yyyy-MM-dd'T'HH:mm}", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parquet_ManyReadings_AreWrittenAsynchronouslyInSeveralRowGroups()
    {
        using var body = new AsynchronousOnlyStream();

        await ReadingParquet.WriteReadingsAsync(Generate(), Registry, body, TestContext.Current.CancellationToken);

        var path = Path.Combine(Path.GetTempPath(), $"urbansensing-{Guid.NewGuid():N}.parquet");
        try
        {
            await File.WriteAllBytesAsync(path, body.Received, TestContext.Current.CancellationToken);
            using var connection = new DuckDB.NET.Data.DuckDBConnection("DataSource=:memory:");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) || '|' || sum(sequence) || '|' || (SELECT count(*) FROM parquet_metadata('{path}') WHERE column_id = 0) FROM '{path}'";
            Assert.Equal(FormattableString.Invariant($"{Readings}|{(long)Readings * (Readings - 1) / 2}|3"), Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async IAsyncEnumerable<Reading> Generate()
    {
        for (var index = 0; index < Readings; index++)
        {
            yield return new Reading("dev-1", "sht31", Quantities.AirTemperature, Start.AddMinutes(index), index % 40, index);
        }

        await Task.CompletedTask;
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using UrbanSensing.Cli.Export;

namespace UrbanSensing.Cli;

/// <summary>
/// <c>urbansensing export</c>: every raw reading of a time range, for archiving: one file per calendar month (UTC),
/// the registry as it stood (sites.geojson, devices.json) and a manifest.json listing the files and their rows.
/// </summary>
internal static class ExportCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var api = ServiceApiOption.Create();
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "Folder to write the archive into (created when missing)", Required = true };
        var format = new Option<OutputFormat>("--format") { Description = "Parquet (default) or Csv", DefaultValueFactory = _ => OutputFormat.Parquet };
        var from = QueryCommand.TimeOption("--from", "Start, ISO 8601, included; without an offset, UTC");
        var to = QueryCommand.TimeOption("--to", "End, ISO 8601, excluded; without an offset, UTC");
        var command = new Command("export", "Archive every raw reading of a time range from a running service: monthly files, the registry and a manifest.")
        {
            api, output, format, from, to,
        };
        command.SetAction((parseResult, cancellationToken) => ExportAsync(
            parseResult.GetRequiredValue(api),
            parseResult.GetRequiredValue(output),
            parseResult.GetValue(format),
            parseResult.GetRequiredValue(from),
            parseResult.GetRequiredValue(to),
            cancellationToken));
        return command;
    }

    private static async Task<int> ExportAsync(Uri api, DirectoryInfo folder, OutputFormat format, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        folder.Create();
        using (var http = new HttpClient { BaseAddress = api })
        {
            await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "sites.geojson"), await http.GetByteArrayAsync(new Uri("/api/v1/sites", UriKind.Relative), cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "devices.json"), await http.GetByteArrayAsync(new Uri("/api/v1/devices", UriKind.Relative), cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }

        var files = new List<object>();
        var extension = format == OutputFormat.Parquet ? "parquet" : "csv";
        for (var month = new DateTimeOffset(from.Year, from.Month, 1, 0, 0, 0, TimeSpan.Zero); month < to; month = month.AddMonths(1))
        {
            var start = month < from ? from : month;
            var end = month.AddMonths(1) < to ? month.AddMonths(1) : to;
            var file = new FileInfo(Path.Combine(folder.FullName, string.Create(CultureInfo.InvariantCulture, $"readings-{month:yyyy-MM}.{extension}")));
            var code = await QueryCommand.WriteAsync(api, [], QuerySlice.Of(start, end, null, TimeZoneInfo.Utc), file, format, month.ToString("yyyy-MM", CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
            if (code != 0)
            {
                return code;
            }

            files.Add(new { file = file.Name, from = start.UtcDateTime, to = end.UtcDateTime, bytes = file.Length });
        }

        var manifest = new { api = api.ToString(), from = from.UtcDateTime, to = to.UtcDateTime, exportedAt = DateTime.UtcNow, format = extension, files, registry = new[] { "sites.geojson", "devices.json" } };
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "manifest.json"), JsonSerializer.Serialize(manifest, Indented), cancellationToken).ConfigureAwait(false);
        await Console.Out.WriteLineAsync($"archive written to {folder.FullName}").ConfigureAwait(false);
        return 0;
    }
}

using System.CommandLine;
using System.Globalization;
using UrbanSensing.Cli.Export;

namespace UrbanSensing.Cli;

/// <summary>
/// <c>urbansensing query</c>: any selection of a running service's readings, raw or aggregated, into a CSV or Parquet
/// file, downloaded slice by slice with a progress bar. The options are the API's parameters (api/README.md).
/// </summary>
internal static class QueryCommand
{
    private static readonly string[] SelectionParameters = ["device", "site", "district", "lcz", "quantity"];

    public static Command Create()
    {
        var api = ServiceApiOption.Create();
        var output = new Option<FileInfo>("--output", "-o") { Description = "File to write; .parquet writes Parquet, anything else CSV", Required = true };
        var format = new Option<OutputFormat?>("--format") { Description = "Csv or Parquet (default: from the --output extension)" };
        var from = TimeOption("--from", "Start, ISO 8601, included; without an offset, UTC");
        var to = TimeOption("--to", "End, ISO 8601, excluded; without an offset, UTC");
        var lists = SelectionParameters
            .Select(name => new Option<string[]>($"--{name}") { Description = $"Only these {name} values (repeat or separate with commas)", AllowMultipleArgumentsPerToken = true })
            .ToArray();
        var flagged = new Option<string?>("--flagged") { Description = "include (default) or exclude readings with quality flags" };
        var window = new Option<string?>("--window") { Description = "Aggregate over windows: 1m ... 12h, 1d, 1w, 1mo (default: raw readings)" };
        var aggregate = new Option<string[]>("--aggregate") { Description = "With --window: mean (default), min, max, sum, count, last, pNN", AllowMultipleArgumentsPerToken = true };
        var timeZone = new Option<string?>("--tz") { Description = "With --window: the IANA time zone of the windows (default Europe/Paris)" };

        var command = new Command("query", "Write any selection of readings, raw or aggregated, to a CSV or Parquet file, from a running service.")
        {
            api, output, format, from, to, flagged, window, aggregate, timeZone,
        };
        foreach (var list in lists)
        {
            command.Options.Add(list);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var parameters = new List<KeyValuePair<string, string>>();
            foreach (var list in lists)
            {
                parameters.AddRange((parseResult.GetValue(list) ?? []).Select(value => new KeyValuePair<string, string>(list.Name.TrimStart('-'), value)));
            }

            Add(parameters, "flagged", parseResult.GetValue(flagged));
            Add(parameters, "window", parseResult.GetValue(window));
            parameters.AddRange((parseResult.GetValue(aggregate) ?? []).Select(value => new KeyValuePair<string, string>("aggregate", value)));
            Add(parameters, "tz", parseResult.GetValue(timeZone));
            var file = parseResult.GetRequiredValue(output);
            var zone = TimeZoneInfo.TryFindSystemTimeZoneById(parseResult.GetValue(timeZone) ?? "Europe/Paris", out var found) ? found : TimeZoneInfo.Utc;
            var slices = QuerySlice.Of(parseResult.GetRequiredValue(from), parseResult.GetRequiredValue(to), parseResult.GetValue(window), zone);
            return await WriteAsync(parseResult.GetRequiredValue(api), parameters, slices, file, parseResult.GetValue(format) ?? FormatOf(file), "query", cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    public static Option<DateTimeOffset> TimeOption(string name, string description) => new(name)
    {
        Description = description,
        Required = true,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
            {
                return time;
            }

            result.AddError($"{name}: '{text}' is not an ISO 8601 date and time such as 2026-07-14T00:00:00Z");
            return default;
        },
    };

    public static OutputFormat FormatOf(FileInfo file) =>
        string.Equals(file.Extension, ".parquet", StringComparison.OrdinalIgnoreCase) ? OutputFormat.Parquet : OutputFormat.Csv;

    /// <summary>Downloads the slices into the file; on failure the partial file is removed and the reason printed.</summary>
    public static async Task<int> WriteAsync(Uri api, IReadOnlyList<KeyValuePair<string, string>> parameters, IReadOnlyList<QuerySlice> slices, FileInfo file, OutputFormat format, string label, CancellationToken cancellationToken)
    {
        if (slices.Count == 0)
        {
            await Console.Error.WriteLineAsync("--from must be before --to").ConfigureAwait(false);
            return 2;
        }

        using var http = new HttpClient { BaseAddress = api, Timeout = Timeout.InfiniteTimeSpan };
        var progress = new ProgressBar(label, slices.Count);
        long rows;
        try
        {
            var sink = format == OutputFormat.Parquet ? (IRowSink)new ParquetFileSink(file.FullName) : new CsvFileSink(file.FullName);
            await using (sink.ConfigureAwait(false))
            {
                await new ReadingsDownloader(http).DownloadAsync(parameters, slices, sink, progress, cancellationToken).ConfigureAwait(false);
                rows = sink.Rows;
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidDataException or IOException)
        {
            Console.Error.WriteLine();
            await Console.Error.WriteLineAsync($"{label} failed: {exception.Message}").ConfigureAwait(false);
            file.Delete();
            return 1;
        }

        progress.Finish(rows);
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows written to {file.FullName} ({format})")).ConfigureAwait(false);
        return 0;
    }

    private static void Add(List<KeyValuePair<string, string>> parameters, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parameters.Add(new(name, value));
        }
    }
}

using System.CommandLine;
using UrbanSensing.Analytics.Charts;
using UrbanSensing.Analytics.Reports;

namespace UrbanSensing.Cli.Analyze;

/// <summary>The options every analysis shares: the range, the time zone of its calendar days, the output format.</summary>
internal static class AnalysisOptions
{
    public static Option<DateTimeOffset> From() => QueryCommand.TimeOption("--from", "Start, ISO 8601, included; without an offset, UTC (give the local midnight, e.g. 2026-07-01T00:00:00+02:00, for whole local days)");

    public static Option<DateTimeOffset> To() => QueryCommand.TimeOption("--to", "End, ISO 8601, excluded; without an offset, UTC");

    /// <summary>
    /// The zone whose calendar days and clock (the night window) the analysis follows. Its offsets must be whole
    /// hours: the heat library bins readings by UTC hour and takes those for local hours.
    /// </summary>
    public static Option<TimeZoneInfo> TimeZone() => new("--tz")
    {
        Description = "IANA time zone of the calendar days and of the night window; its offsets must be whole hours",
        DefaultValueFactory = _ => TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"),
        CustomParser = result =>
        {
            var id = result.Tokens.Single().Value;
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            {
                result.AddError($"--tz: '{id}' is not an IANA time zone such as Europe/Paris or UTC");
                return null;
            }

            if (!AnalysisTimeZones.HasWholeHourOffsets(zone))
            {
                result.AddError($"--tz: '{id}' has offsets that are not whole hours; the analyses bin readings by UTC hour, which are local hours only in zones such as Europe/Paris or UTC");
                return null;
            }

            return zone;
        },
    };

    public static Option<string[]> Sites() => new("--site")
    {
        Description = "Only these sites, by registry id (GET /api/v1/sites lists them); repeat it or give several (--site fives lomme); every site by default",
        AllowMultipleArgumentsPerToken = true,
    };

    /// <summary>An analysis's refusal as the command says it: naming the option at fault, or the command when the data is.</summary>
    public static string Refusal(string command, AnalysisRefusedException refusal) =>
        refusal.Parameter is { } parameter ? $"--{parameter}: {refusal.Message}" : $"{command} failed: {refusal.Message}";

    /// <summary><c>--chart</c>: also draw the report over time as a PNG chart.</summary>
    public static Option<FileInfo?> Chart(string what)
    {
        var chart = new Option<FileInfo?>("--chart") { Description = $"Also draw {what} as a PNG chart over time" };
        chart.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<FileInfo?>() is { } file && !file.Extension.Equals(".png", StringComparison.OrdinalIgnoreCase))
            {
                result.AddError($"--chart: '{file.Name}' must end with .png");
            }
        });
        return chart;
    }

    /// <summary>Draws the chart into the file, or says why there is nothing to draw; 0 when drawn, 1 otherwise.</summary>
    public static async Task<int> WriteChartAsync(Func<TimeSeriesChart> chart, FileInfo png, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        TimeSeriesChart drawn;
        try
        {
            drawn = chart();
        }
        catch (AnalysisRefusedException nothing)
        {
            await error.WriteLineAsync($"--chart: nothing to draw, {nothing.Message}").ConfigureAwait(false);
            return 1;
        }

        var file = png.Create();
        await using (file.ConfigureAwait(false))
        {
            await drawn.WritePngAsync(file, cancellationToken).ConfigureAwait(false);
        }

        await output.WriteLineAsync($"chart written to {png.FullName}").ConfigureAwait(false);
        return 0;
    }

    public static Option<ReportFormat?> Format() => new("--format") { Description = "Csv or Json (default: Json for a .json --output, otherwise Csv)" };

    /// <summary>Refuses a range whose start is not before its end, naming both options.</summary>
    public static void RequireOrderedRange(Command command, Option<DateTimeOffset> from, Option<DateTimeOffset> to)
    {
        command.Validators.Add(result =>
        {
            // An unparsable time comes back as the default value; its own error says so.
            var start = result.GetValue(from);
            var end = result.GetValue(to);
            if (start != default && end != default && start >= end)
            {
                result.AddError($"--from ({start:O}) must be before --to ({end:O})");
            }
        });
    }

    public static ReportFormat FormatOf(FileInfo? file) =>
        file is not null && string.Equals(file.Extension, ".json", StringComparison.OrdinalIgnoreCase) ? ReportFormat.Json : ReportFormat.Csv;
}

using System.CommandLine;
using UrbanSensing.Analytics.Reports;

namespace UrbanSensing.Cli.Analyze;

/// <summary>
/// <c>urbansensing analyze basins</c>: the fill of each retention basin or swale of a basins file from its stored
/// <c>water-level</c> readings, and the drawdown rate of each falling limb against its design, computed with
/// UrbanSensing.Analytics.Rain.
/// </summary>
internal static class BasinsCommand
{
    public static Command Create()
    {
        var api = ServiceApiOption.Create();
        var from = AnalysisOptions.From();
        var to = AnalysisOptions.To();
        var timeZone = AnalysisOptions.TimeZone();
        timeZone.Description = "IANA time zone the times are written in";
        var basins = new Option<FileInfo>("--basins")
        {
            Description = "The basins file (JSON, cli/README.md): per basin its id, device and sensor of its water level, stage-storage table, overflow level, warning fraction and design infiltration rate",
            Required = true,
        };
        var output = new Option<FileInfo>("--output", "-o")
        {
            Description = "File to write; .json writes JSON {basins: [... drawdowns]}, anything else CSV (one row per basin)",
            Required = true,
        };
        var format = AnalysisOptions.Format();
        var command = new Command("basins", "Each retention basin's latest and highest fill (level, volume, fraction of capacity, warning) and the drawdown rate of each falling limb against its design infiltration rate, from its water-level readings")
        {
            api, from, to, timeZone, basins, output, format,
        };
        AnalysisOptions.RequireOrderedRange(command, from, to);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var file = parseResult.GetRequiredValue(output);
            IReadOnlyList<BasinDefinition> definitions;
            try
            {
                definitions = BasinsFile.Read(parseResult.GetRequiredValue(basins));
            }
            catch (InvalidDataException refusal)
            {
                await error.WriteLineAsync(refusal.Message).ConfigureAwait(false);
                return 1;
            }

            BasinsReport report;
            try
            {
                using var service = ServiceReadings.Connect(parseResult.GetRequiredValue(api), "analyze basins");
                var registry = await service.RegistryAsync(cancellationToken).ConfigureAwait(false);
                report = await new Analyses(service, registry).BasinsAsync(definitions, parseResult.GetValue(from), parseResult.GetValue(to), parseResult.GetRequiredValue(timeZone), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is HttpRequestException or InvalidDataException)
            {
                await error.WriteLineAsync($"analyze basins failed: {exception.Message}").ConfigureAwait(false);
                return 1;
            }

            await ReportWriter.WriteAsync(parseResult.GetValue(format) ?? AnalysisOptions.FormatOf(file), file, parseResult.InvocationConfiguration.Output, report.WriteCsv, report.WriteJson, cancellationToken).ConfigureAwait(false);
            await error.WriteLineAsync(report.Summary(file)).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}

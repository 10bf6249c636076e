using System.CommandLine;
using UrbanSensing.Analytics.Reports;

namespace UrbanSensing.Cli.Analyze;

/// <summary>
/// <c>urbansensing analyze comfort</c>: each site's heat index, humidex, wet-bulb temperature and dew point, hour by
/// hour, from the hourly means of its devices' air temperature and relative humidity, computed with
/// UrbanSensing.Analytics.Comfort.
/// </summary>
internal static class ComfortCommand
{
    public static Command Create()
    {
        var api = ServiceApiOption.Create();
        var from = AnalysisOptions.From();
        var to = AnalysisOptions.To();
        var timeZone = AnalysisOptions.TimeZone();
        var sites = AnalysisOptions.Sites();
        var output = new Option<FileInfo>("--output", "-o") { Description = "File to write; .json writes JSON {hours, summary}, anything else CSV (one row per site and hour)", Required = true };
        var format = AnalysisOptions.Format();
        var chart = AnalysisOptions.Chart("each site's hourly heat index against the NWS bands");
        var command = new Command("comfort", "Hourly thermal comfort per site: NWS heat index, Environment Canada humidex (with their categories), Stull's wet-bulb temperature and the dew point; no UTCI, the network measures no wind")
        {
            api, from, to, timeZone, sites, output, format, chart,
        };
        AnalysisOptions.RequireOrderedRange(command, from, to);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var (start, end) = (parseResult.GetValue(from), parseResult.GetValue(to));
            var selected = parseResult.GetValue(sites) ?? [];
            var file = parseResult.GetRequiredValue(output);
            ComfortReport report;
            try
            {
                using var service = ServiceReadings.Connect(parseResult.GetRequiredValue(api), "analyze comfort");
                var registry = await service.RegistryAsync(cancellationToken).ConfigureAwait(false);
                report = await new Analyses(service, registry).ComfortAsync(selected, start, end, parseResult.GetRequiredValue(timeZone), cancellationToken).ConfigureAwait(false);
            }
            catch (AnalysisRefusedException refusal)
            {
                await error.WriteLineAsync(AnalysisOptions.Refusal("analyze comfort", refusal)).ConfigureAwait(false);
                return 1;
            }
            catch (Exception exception) when (exception is HttpRequestException or InvalidDataException)
            {
                await error.WriteLineAsync($"analyze comfort failed: {exception.Message}").ConfigureAwait(false);
                return 1;
            }

            await ReportWriter.WriteAsync(parseResult.GetValue(format) ?? AnalysisOptions.FormatOf(file), file, parseResult.InvocationConfiguration.Output, report.WriteCsv, report.WriteJson, cancellationToken).ConfigureAwait(false);
            await error.WriteLineAsync(report.Summary(file)).ConfigureAwait(false);
            if (parseResult.GetValue(chart) is { } chartFile)
            {
                // Standard output may carry the report itself.
                return await AnalysisOptions.WriteChartAsync(() => ReportCharts.Comfort(report), chartFile, error, error, cancellationToken).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }
}

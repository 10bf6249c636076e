using System.CommandLine;
using UrbanSensing.Protocol;

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
        var command = new Command("comfort", "Hourly thermal comfort per site: NWS heat index, Environment Canada humidex (with their categories), Stull's wet-bulb temperature and the dew point; no UTCI, the network measures no wind")
        {
            api, from, to, timeZone, sites, output, format,
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
                using var service = ServiceReadings.Connect(parseResult.GetRequiredValue(api));
                var registry = await service.RegistryAsync(cancellationToken).ConfigureAwait(false);
                if (AnalysisOptions.UnknownSite(registry, selected) is { } refusal)
                {
                    await error.WriteLineAsync(refusal).ConfigureAwait(false);
                    return 1;
                }

                var temperatures = await service.HourlyMeansBySiteAsync(registry, Quantities.AirTemperature, start, end, selected, "analyze comfort (air temperature)", cancellationToken).ConfigureAwait(false);
                var humidities = await service.HourlyMeansBySiteAsync(registry, Quantities.RelativeHumidity, start, end, selected, "analyze comfort (relative humidity)", cancellationToken).ConfigureAwait(false);
                var order = selected.Length > 0 ? selected.Distinct(StringComparer.Ordinal) : registry.Sites.Select(site => site.Id);
                report = ComfortReport.Compute(order, temperatures, humidities, parseResult.GetRequiredValue(timeZone));
            }
            catch (Exception exception) when (exception is HttpRequestException or InvalidDataException)
            {
                await error.WriteLineAsync($"analyze comfort failed: {exception.Message}").ConfigureAwait(false);
                return 1;
            }

            await ReportWriter.WriteAsync(parseResult.GetValue(format) ?? AnalysisOptions.FormatOf(file), file, parseResult.InvocationConfiguration.Output, report.WriteCsv, report.WriteJson, cancellationToken).ConfigureAwait(false);
            await error.WriteLineAsync(report.Summary(file)).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}

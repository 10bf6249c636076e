using System.CommandLine;
using UrbanSensing.Analytics.AirQuality;
using UrbanSensing.Analytics.Reports;

namespace UrbanSensing.Cli.Analyze;

/// <summary>
/// <c>urbansensing analyze aqi</c>: each site's air-quality index per local day on EAQI or ATMO, from the hourly means
/// of its devices' PM2.5, PM10, NO2, O3 and SO2, and its exceedances of the WHO 2021 short-term guidelines, computed with
/// UrbanSensing.Analytics.AirQuality.
/// </summary>
internal static class AirQualityCommand
{
    public static Command Create()
    {
        var api = ServiceApiOption.Create();
        var from = AnalysisOptions.From();
        var to = AnalysisOptions.To();
        var timeZone = AnalysisOptions.TimeZone();
        var scheme = new Option<AirQualityScheme>("--scheme")
        {
            Description = "The index: " + AirQualitySchemeNames.Allowed,
            Required = true,
            CustomParser = result =>
            {
                var name = result.Tokens.Single().Value;
                if (!AirQualitySchemeNames.TryParse(name, out var parsed))
                {
                    result.AddError($"--scheme: unknown scheme '{name}'; allowed values: {AirQualitySchemeNames.Allowed}");
                }

                return parsed;
            },
        };
        var sites = AnalysisOptions.Sites();
        var output = new Option<FileInfo>("--output", "-o") { Description = "File to write; .json writes JSON {scheme, table, averaging, note, days, who}, anything else CSV (one row per site and local day)", Required = true };
        var format = AnalysisOptions.Format();
        var chart = AnalysisOptions.Chart("each site's daily index band");
        var command = new Command("aqi", "Air-quality index per site and local day (EAQI: the day's worst hourly band; ATMO: daily mean PM, daily maximum of NO2, O3 and SO2) from the PM2.5, PM10, NO2, O3 and SO2 each site measures, with the WHO 2021 short-term guideline exceedances")
        {
            api, from, to, timeZone, scheme, sites, output, format, chart,
        };
        AnalysisOptions.RequireOrderedRange(command, from, to);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var (start, end) = (parseResult.GetValue(from), parseResult.GetValue(to));
            var selected = parseResult.GetValue(sites) ?? [];
            var file = parseResult.GetRequiredValue(output);
            AirQualityReport report;
            try
            {
                using var service = ServiceReadings.Connect(parseResult.GetRequiredValue(api), "analyze aqi");
                var registry = await service.RegistryAsync(cancellationToken).ConfigureAwait(false);
                report = await new Analyses(service, registry).AirQualityAsync(parseResult.GetRequiredValue(scheme), selected, start, end, parseResult.GetRequiredValue(timeZone), cancellationToken).ConfigureAwait(false);
            }
            catch (AnalysisRefusedException refusal)
            {
                await error.WriteLineAsync(AnalysisOptions.Refusal("analyze aqi", refusal)).ConfigureAwait(false);
                return 1;
            }
            catch (Exception exception) when (exception is HttpRequestException or InvalidDataException or ArgumentException)
            {
                await error.WriteLineAsync($"analyze aqi failed: {exception.Message}").ConfigureAwait(false);
                return 1;
            }

            await ReportWriter.WriteAsync(parseResult.GetValue(format) ?? AnalysisOptions.FormatOf(file), file, parseResult.InvocationConfiguration.Output, report.WriteCsv, report.WriteJson, cancellationToken).ConfigureAwait(false);
            await error.WriteLineAsync(report.Summary(file)).ConfigureAwait(false);
            if (parseResult.GetValue(chart) is { } chartFile)
            {
                // Standard output may carry the report itself.
                return await AnalysisOptions.WriteChartAsync(() => ReportCharts.AirQuality(report, parseResult.GetRequiredValue(timeZone)), chartFile, error, error, cancellationToken).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }
}

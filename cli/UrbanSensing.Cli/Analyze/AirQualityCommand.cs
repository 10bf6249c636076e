using System.CommandLine;
using UrbanSensing.Analytics.AirQuality;

namespace UrbanSensing.Cli.Analyze;

/// <summary>
/// <c>urbansensing analyze aqi</c>: each site's air-quality index per local day on EAQI or ATMO, from the hourly means
/// of its devices' PM2.5, PM10, NO2, O3 and SO2, and its exceedances of the WHO 2021 short-term guidelines, computed with
/// UrbanSensing.Analytics.AirQuality.
/// </summary>
internal static class AirQualityCommand
{
    private static readonly Dictionary<string, AirQualityScheme> Schemes = new(StringComparer.Ordinal)
    {
        ["eaqi"] = AirQualityScheme.EuropeanAirQualityIndex,
        ["atmo"] = AirQualityScheme.Atmo,
    };

    private const string AllowedSchemes = "eaqi (European Air Quality Index, 2024 revision), atmo (France, arrêté of 10 July 2020)";

    public static Command Create()
    {
        var api = ServiceApiOption.Create();
        var from = AnalysisOptions.From();
        var to = AnalysisOptions.To();
        var timeZone = AnalysisOptions.TimeZone();
        var scheme = new Option<string>("--scheme") { Description = "The index: " + AllowedSchemes, Required = true };
        scheme.Validators.Add(result =>
        {
            var name = result.GetValueOrDefault<string>();
            if (!Schemes.ContainsKey(name))
            {
                result.AddError($"--scheme: unknown scheme '{name}'; allowed values: {AllowedSchemes}");
            }
        });
        var sites = AnalysisOptions.Sites();
        var output = new Option<FileInfo>("--output", "-o") { Description = "File to write; .json writes JSON {scheme, table, averaging, note, days, who}, anything else CSV (one row per site and local day)", Required = true };
        var format = AnalysisOptions.Format();
        var command = new Command("aqi", "Air-quality index per site and local day (EAQI: the day's worst hourly band; ATMO: daily mean PM, daily maximum of NO2, O3 and SO2) from the PM2.5, PM10, NO2, O3 and SO2 each site measures, with the WHO 2021 short-term guideline exceedances")
        {
            api, from, to, timeZone, scheme, sites, output, format,
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
                using var service = ServiceReadings.Connect(parseResult.GetRequiredValue(api));
                var registry = await service.RegistryAsync(cancellationToken).ConfigureAwait(false);
                if (AnalysisOptions.UnknownSite(registry, selected) is { } refusal)
                {
                    await error.WriteLineAsync(refusal).ConfigureAwait(false);
                    return 1;
                }

                var hourlyMeans = new Dictionary<Pollutant, IReadOnlyDictionary<string, SortedDictionary<DateTimeOffset, double>>>();
                foreach (var (pollutant, quantity) in AirQualityReport.Measured)
                {
                    hourlyMeans.Add(pollutant, await service.HourlyMeansBySiteAsync(registry, quantity, start, end, selected, $"analyze aqi ({quantity.Name})", cancellationToken).ConfigureAwait(false));
                }

                // Named sites are reported even without readings, so that the output says so; otherwise the sites that have any.
                var reported = selected.Length > 0
                    ? selected.Distinct(StringComparer.Ordinal)
                    : registry.Sites.Select(site => site.Id).Where(site => hourlyMeans.Values.Any(bySite => bySite.ContainsKey(site)));
                report = AirQualityReport.Compute(Schemes[parseResult.GetRequiredValue(scheme)], reported, hourlyMeans, parseResult.GetRequiredValue(timeZone), start, end);
            }
            catch (Exception exception) when (exception is HttpRequestException or InvalidDataException or ArgumentException)
            {
                await error.WriteLineAsync($"analyze aqi failed: {exception.Message}").ConfigureAwait(false);
                return 1;
            }

            await ReportWriter.WriteAsync(parseResult.GetValue(format) ?? AnalysisOptions.FormatOf(file), file, parseResult.InvocationConfiguration.Output, report.WriteCsv, report.WriteJson, cancellationToken).ConfigureAwait(false);
            await error.WriteLineAsync(report.Summary(file)).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}

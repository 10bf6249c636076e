using System.CommandLine;
using UrbanSensing.Analytics.Heat;
using UrbanSensing.Analytics.Reports;

namespace UrbanSensing.Cli.Analyze;

/// <summary>
/// <c>urbansensing analyze heatwave</c>: a site's daily Tmin and Tmax from the hourly means of its devices,
/// Météo-France's indicators IBMn and IBMx and the heat-wave episodes at a department's thresholds.
/// </summary>
internal static class HeatWaveCommand
{
    public static Command Create()
    {
        var api = ServiceApiOption.Create();
        var from = AnalysisOptions.From();
        var to = AnalysisOptions.To();
        var timeZone = AnalysisOptions.TimeZone();
        var site = new Option<string>("--site") { Description = "The site, by its registry id (GET /api/v1/sites lists them)", Required = true };
        var department = new Option<string>("--department")
        {
            Description = "INSEE code of the department whose thresholds apply: " + string.Join(", ", DepartmentThresholds.All.Select(Describe)),
            DefaultValueFactory = _ => DepartmentThresholds.Nord.Department,
        };
        department.Validators.Add(result =>
        {
            var code = result.GetValueOrDefault<string>();
            if (!DepartmentThresholds.TryGet(code, out _))
            {
                result.AddError($"--department: no thresholds for department '{code}'; allowed values: {string.Join(", ", DepartmentThresholds.All.Select(Describe))}");
            }
        });
        var output = new Option<FileInfo?>("--output", "-o") { Description = "File to write; .json writes JSON {thresholds, days, episodes}, anything else CSV (default: CSV on standard output)" };
        var format = AnalysisOptions.Format();
        var chart = AnalysisOptions.Chart("the site's daily Tmin/Tmax and IBMn/IBMx against the thresholds, episodes shaded");
        var command = new Command("heatwave", "A site's daily Tmin/Tmax, Météo-France's IBMn/IBMx (3-day means) and heat-wave episodes at a department's thresholds; a summary on standard error")
        {
            api, from, to, timeZone, site, department, output, format, chart,
        };
        AnalysisOptions.RequireOrderedRange(command, from, to);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var siteId = parseResult.GetRequiredValue(site);
            DepartmentThresholds.TryGet(parseResult.GetRequiredValue(department), out var thresholds);
            HeatWaveReport report;
            try
            {
                using var service = ServiceReadings.Connect(parseResult.GetRequiredValue(api), "analyze heatwave");
                var registry = await service.RegistryAsync(cancellationToken).ConfigureAwait(false);
                report = await new Analyses(service, registry).HeatWaveAsync(siteId, thresholds!, parseResult.GetValue(from), parseResult.GetValue(to), parseResult.GetRequiredValue(timeZone), cancellationToken).ConfigureAwait(false);
            }
            catch (AnalysisRefusedException refusal)
            {
                await error.WriteLineAsync(AnalysisOptions.Refusal("analyze heatwave", refusal)).ConfigureAwait(false);
                return 1;
            }
            catch (Exception exception) when (exception is HttpRequestException or InvalidDataException)
            {
                await error.WriteLineAsync($"analyze heatwave failed: {exception.Message}").ConfigureAwait(false);
                return 1;
            }

            var file = parseResult.GetValue(output);
            await ReportWriter.WriteAsync(parseResult.GetValue(format) ?? AnalysisOptions.FormatOf(file), file, parseResult.InvocationConfiguration.Output, report.WriteCsv, report.WriteJson, cancellationToken).ConfigureAwait(false);
            await error.WriteLineAsync(report.Summary()).ConfigureAwait(false);
            if (parseResult.GetValue(chart) is { } chartFile)
            {
                // Standard output may carry the report itself.
                return await AnalysisOptions.WriteChartAsync(() => ReportCharts.HeatWave(report, parseResult.GetRequiredValue(timeZone)), chartFile, error, error, cancellationToken).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }

    private static string Describe(HeatWaveThresholds thresholds) => $"{thresholds.Department} ({thresholds.Name})";
}

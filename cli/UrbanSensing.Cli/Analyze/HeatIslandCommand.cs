using System.CommandLine;
using System.Globalization;
using UrbanSensing.Analytics.Heat;
using UrbanSensing.Analytics.Reports;

namespace UrbanSensing.Cli.Analyze;

/// <summary>
/// <c>urbansensing analyze uhi</c>: every urban site's heat island, day by day, against the registry's reference
/// sites, and its mean by local climate zone and by district, from the hourly mean air temperatures of a running
/// service.
/// </summary>
internal static class HeatIslandCommand
{
    public static Command Create()
    {
        var api = ServiceApiOption.Create();
        var from = AnalysisOptions.From();
        var to = AnalysisOptions.To();
        var timeZone = AnalysisOptions.TimeZone();
        var output = new Option<FileInfo>("--output", "-o") { Description = "File to write; .json writes JSON {days, byLcz, byDistrict}, anything else CSV (one row per site and day)", Required = true };
        var format = AnalysisOptions.Format();
        var map = new Option<FileInfo?>("--map")
        {
            Description = "Also draw the mean heat island over the range as a PNG map (blue cooler, red warmer than the reference sites; IDW between sites) and write its cells as GeoJSON beside it",
        };
        map.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<FileInfo?>() is { } file && !file.Extension.Equals(".png", StringComparison.OrdinalIgnoreCase))
            {
                result.AddError($"--map: '{file.Name}' must end with .png (the GeoJSON is written beside it)");
            }
        });
        var chart = AnalysisOptions.Chart("each urban site's daily mean heat island");
        var command = new Command("uhi", "Urban heat island per urban site and local day (mean, nocturnal maximum 21:00-06:00, of Tmin, of Tmax, K) against the reference sites, with means by LCZ and district")
        {
            api, from, to, timeZone, output, format, map, chart,
        };
        AnalysisOptions.RequireOrderedRange(command, from, to);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var zone = parseResult.GetRequiredValue(timeZone);
            var (start, end) = (parseResult.GetValue(from), parseResult.GetValue(to));
            var file = parseResult.GetRequiredValue(output);
            HeatIslandReport report;
            HeatIslandMap? heatIslandMap;
            try
            {
                using var service = ServiceReadings.Connect(parseResult.GetRequiredValue(api), "analyze uhi");
                var registry = await service.RegistryAsync(cancellationToken).ConfigureAwait(false);
                (report, heatIslandMap) = await new Analyses(service, registry).HeatIslandAsync(start, end, zone, withMap: parseResult.GetValue(map) is not null, cancellationToken).ConfigureAwait(false);
            }
            catch (AnalysisRefusedException refusal)
            {
                await error.WriteLineAsync(AnalysisOptions.Refusal("analyze uhi", refusal)).ConfigureAwait(false);
                return 1;
            }
            catch (Exception exception) when (exception is HttpRequestException or InvalidDataException)
            {
                await error.WriteLineAsync($"analyze uhi failed: {exception.Message}").ConfigureAwait(false);
                return 1;
            }

            await ReportWriter.WriteAsync(parseResult.GetValue(format) ?? AnalysisOptions.FormatOf(file), file, parseResult.InvocationConfiguration.Output, report.WriteCsv, report.WriteJson, cancellationToken).ConfigureAwait(false);
            await WriteSummaryAsync(parseResult.InvocationConfiguration.Output, report, file).ConfigureAwait(false);
            if (parseResult.GetValue(chart) is { } chartFile
                && await AnalysisOptions.WriteChartAsync(() => ReportCharts.HeatIsland(report, zone), chartFile, parseResult.InvocationConfiguration.Output, error, cancellationToken).ConfigureAwait(false) != 0)
            {
                return 1;
            }

            if (parseResult.GetValue(map) is { } png)
            {
                if (heatIslandMap is null)
                {
                    await error.WriteLineAsync("--map: fewer than two sites have air temperatures in the range; no map drawn").ConfigureAwait(false);
                    return 1;
                }

                await heatIslandMap.WriteAsync(png, cancellationToken).ConfigureAwait(false);
                await parseResult.InvocationConfiguration.Output.WriteLineAsync(heatIslandMap.Describe(png)).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }

    private static async Task WriteSummaryAsync(TextWriter output, HeatIslandReport report, FileInfo file)
    {
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{report.Days.Select(day => day.Site.Id).Distinct().Count()} urban sites, {report.Days.Count} site-days written to {file.FullName}")).ConfigureAwait(false);
        foreach (var zone in report.ByLcz)
        {
            await output.WriteLineAsync(Describe($"LCZ {zone.Group}", zone)).ConfigureAwait(false);
        }

        foreach (var district in report.ByDistrict)
        {
            await output.WriteLineAsync(Describe(district.Group, district)).ConfigureAwait(false);
        }
    }

    private static string Describe(string group, ZoneHeatIsland contrast) =>
        string.Create(CultureInfo.InvariantCulture, $"  {group}: {ReportWriter.Round(contrast.MeanIntensity):+0.000;-0.000;0.000} K over {contrast.Hours} h ({contrast.Sites} sites)");
}

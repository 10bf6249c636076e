using System.CommandLine;
using System.Globalization;
using UrbanSensing.Analytics.Reports;

namespace UrbanSensing.Cli.Analyze;

/// <summary>
/// <c>urbansensing analyze rain</c>: each rain gauge's rain events from its stored <c>rain-tips</c> readings, with peak
/// intensities, their return periods on the shipped example Montana coefficients and, with a curve number, the SCS
/// runoff depth, computed with UrbanSensing.Analytics.Rain.
/// </summary>
internal static class RainCommand
{
    public static Command Create()
    {
        var api = ServiceApiOption.Create();
        var from = AnalysisOptions.From();
        var to = AnalysisOptions.To();
        var timeZone = AnalysisOptions.TimeZone();
        timeZone.Description = "IANA time zone the event times are written in";
        var sites = AnalysisOptions.Sites();
        var interEventHours = new Option<double>("--inter-event-hours")
        {
            Description = "The dry gap, hours, at least which separates two events",
            DefaultValueFactory = _ => 6,
        };
        interEventHours.Validators.Add(result =>
        {
            var hours = result.GetValueOrDefault<double>();
            if (!double.IsFinite(hours) || hours <= 0 || hours > 24 * 30)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"--inter-event-hours: {hours} is not a number of hours in (0, 720]"));
            }
        });
        var millimetresPerTip = new Option<double>("--mm-per-tip")
        {
            Description = "The gauges' bucket resolution, mm per tip (the simulated gauges': 0.2)",
            DefaultValueFactory = _ => 0.2,
        };
        millimetresPerTip.Validators.Add(result =>
        {
            var resolution = result.GetValueOrDefault<double>();
            if (!double.IsFinite(resolution) || resolution <= 0 || resolution > 10)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"--mm-per-tip: {resolution} is not a bucket resolution in (0, 10] mm"));
            }
        });
        var curveNumber = new Option<double?>("--curve-number")
        {
            Description = "SCS curve number (AMC II, λ = 0.2) in (0, 100] of the surface drained: adds each event's runoff depth",
        };
        curveNumber.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is { } cn && (!double.IsFinite(cn) || cn <= 0 || cn > 100))
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"--curve-number: {cn} is not a curve number in (0, 100]"));
            }
        });
        var output = new Option<FileInfo>("--output", "-o")
        {
            Description = "File to write; .json writes JSON {station, gauges, events}, anything else CSV (one row per event)",
            Required = true,
        };
        var format = AnalysisOptions.Format();
        var command = new Command("rain", $"Rain events per rain gauge from its tips: depth, duration, mean and peak intensities over 6, 15, 30 and 60 min, antecedent dry days, each peak's return period ({RainReport.ExampleNotice}) and optionally the SCS runoff depth")
        {
            api, from, to, timeZone, sites, interEventHours, millimetresPerTip, curveNumber, output, format,
        };
        AnalysisOptions.RequireOrderedRange(command, from, to);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var selected = parseResult.GetValue(sites) ?? [];
            var file = parseResult.GetRequiredValue(output);
            RainReport report;
            try
            {
                using var service = ServiceReadings.Connect(parseResult.GetRequiredValue(api), "analyze rain");
                var registry = await service.RegistryAsync(cancellationToken).ConfigureAwait(false);
                var parameters = new RainParameters(parseResult.GetValue(millimetresPerTip), TimeSpan.FromHours(parseResult.GetValue(interEventHours)), parseResult.GetValue(curveNumber));
                report = await new Analyses(service, registry).RainAsync(selected, parameters, parseResult.GetValue(from), parseResult.GetValue(to), parseResult.GetRequiredValue(timeZone), cancellationToken).ConfigureAwait(false);
            }
            catch (AnalysisRefusedException refusal)
            {
                await error.WriteLineAsync(AnalysisOptions.Refusal("analyze rain", refusal)).ConfigureAwait(false);
                return 1;
            }
            catch (Exception exception) when (exception is HttpRequestException or InvalidDataException)
            {
                await error.WriteLineAsync($"analyze rain failed: {exception.Message}").ConfigureAwait(false);
                return 1;
            }

            await ReportWriter.WriteAsync(parseResult.GetValue(format) ?? AnalysisOptions.FormatOf(file), file, parseResult.InvocationConfiguration.Output, report.WriteCsv, report.WriteJson, cancellationToken).ConfigureAwait(false);
            await error.WriteLineAsync(report.Summary(file)).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}

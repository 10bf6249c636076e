using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using UrbanSensing.Analytics.Charts;
using UrbanSensing.Analytics.Heat;
using UrbanSensing.Analytics.Heat.Spatial;
using UrbanSensing.Analytics.Reports;
using UrbanSensing.Api.Readings;

namespace UrbanSensing.Api.Analyses;

/// <summary>
/// <c>/api/v1/analyses</c>: the analyses of <c>urbansensing analyze</c>, computed by the service from its own store,
/// with the same reports as JSON or CSV.
/// </summary>
internal static class AnalysisEndpoints
{
    private const string Csv = "text/csv; charset=utf-8";
    private const string Json = "application/json; charset=utf-8";

    public static RouteGroupBuilder MapAnalyses(this RouteGroupBuilder api)
    {
        var analyses = api.MapGroup("/analyses");
        Report(
            analyses.MapGet("/uhi", HeatIslandAsync),
            "GetHeatIslandAnalysis",
            "Each urban site's heat island per local day (mean, nocturnal maximum 21:00-06:00, of Tmin, of Tmax, K) against the registry's reference sites, with means by LCZ and district.",
            charted: true);
        analyses.MapGet("/uhi/map", HeatIslandMapAsync)
            .WithName("GetHeatIslandMap")
            .WithSummary("The range's mean heat island interpolated between the sites (inverse distance weighting, reference sites at 0 K) as a PNG map or GeoJSON cells; the leave-one-out error in the X-Leave-One-Out-RMSE-K header.")
            .Produces(StatusCodes.Status200OK, contentType: "image/png")
            .Produces(StatusCodes.Status200OK, contentType: "application/geo+json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        Report(
            analyses.MapGet("/heatwave", HeatWaveAsync),
            "GetHeatWaveAnalysis",
            "A site's daily Tmin/Tmax, Météo-France's IBMn/IBMx (3-day means) and its heat-wave episodes at a department's thresholds.",
            charted: true);
        Report(
            analyses.MapGet("/comfort", ComfortAsync),
            "GetComfortAnalysis",
            "Hourly NWS heat index, humidex (with their categories), Stull wet-bulb temperature and dew point per site.",
            charted: true);
        Report(
            analyses.MapGet("/aqi", AirQualityAsync),
            "GetAirQualityAnalysis",
            "The air-quality index per site and local day (EAQI or ATMO) with the WHO 2021 short-term guideline exceedances.",
            charted: true);
        Report(
            analyses.MapGet("/rain", RainAsync),
            "GetRainAnalysis",
            "Rain events per gauge: depth, duration, mean and 6/15/30/60-min peak intensities, antecedent dry days, return periods (example Montana coefficients) and optionally SCS runoff.",
            charted: false);
        Report(
            analyses.MapPost("/basins", BasinsAsync).Accepts<JsonElement>("application/json"),
            "PostBasinsAnalysis",
            "Each basin of the basins file in the body (cli/README.md): latest and highest fill, warning, and the drawdown rate of each falling limb against its design.",
            charted: false);
        return api;
    }

    /// <summary>Documents an analysis that answers its report as JSON or CSV and, when <paramref name="charted"/>, its chart as PNG.</summary>
    private static void Report(RouteHandlerBuilder endpoint, string name, string summary, bool charted)
    {
        endpoint
            .WithName(name)
            .WithSummary(summary)
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        if (charted)
        {
            endpoint.Produces(StatusCodes.Status200OK, contentType: "image/png");
        }
    }

    private static Task<IResult> HeatIslandAsync(
        [AsParameters] AnalysisParameters parameters,
        [AsParameters] AnalysisServices services,
        CancellationToken cancellationToken) =>
        RunAsync(parameters, services, charted: true, async range =>
        {
            var analysis = await services.Analyses.HeatIslandAsync(range.From, range.To, range.TimeZone, withMap: false, cancellationToken).ConfigureAwait(false);
            return await AnswerAsync(range, analysis.Report.WriteCsv, analysis.Report.WriteJson, () => ReportCharts.HeatIsland(analysis.Report, range.TimeZone), cancellationToken).ConfigureAwait(false);
        });

    private static Task<IResult> HeatIslandMapAsync(
        [AsParameters] AnalysisParameters parameters,
        [FromQuery(Name = "map"), Description("png (default) or geojson")] string? map,
        [AsParameters] AnalysisServices services,
        CancellationToken cancellationToken) =>
        RunAsync(parameters with { Format = null }, services, charted: false, async range =>
        {
            if (map is not (null or "" or "png" or "geojson"))
            {
                return ApiProblems.Parameter("map", $"'{map}' is not a map format; allowed values: png, geojson");
            }

            var analysis = await services.Analyses.HeatIslandAsync(range.From, range.To, range.TimeZone, withMap: true, cancellationToken).ConfigureAwait(false);
            if (analysis.Map is not { } heatIslandMap)
            {
                return Unprocessable("fewer than two sites have air temperatures in the range; there is nothing to interpolate between");
            }

            services.Request.HttpContext.Response.Headers["X-Leave-One-Out-RMSE-K"] = heatIslandMap.LeaveOneOut.RootMeanSquareError.ToString("0.000", CultureInfo.InvariantCulture);
            using var buffer = new MemoryStream();
            if (map == "geojson")
            {
                GridGeoJson.Write(heatIslandMap.Grid, buffer);
                return TypedResults.File(buffer.ToArray(), "application/geo+json", "uhi.geojson");
            }

            await heatIslandMap.WritePngAsync(buffer, cancellationToken).ConfigureAwait(false);
            return TypedResults.File(buffer.ToArray(), "image/png", "uhi.png");
        });

    private static Task<IResult> HeatWaveAsync(
        [AsParameters] AnalysisParameters parameters,
        [FromQuery(Name = "site"), Description("The site, by its registry id (GET /api/v1/sites)")] string? site,
        [FromQuery(Name = "department"), Description("INSEE code of the department whose thresholds apply; default 59 (Nord)")] string? department,
        [AsParameters] AnalysisServices services,
        CancellationToken cancellationToken) =>
        RunAsync(parameters, services, charted: true, async range =>
        {
            if (string.IsNullOrEmpty(site))
            {
                return ApiProblems.Parameter("site", $"a site is required; allowed values: {string.Join(", ", services.Registry.Sites.Select(known => known.Id))}");
            }

            var code = string.IsNullOrEmpty(department) ? DepartmentThresholds.Nord.Department : department;
            if (!DepartmentThresholds.TryGet(code, out var thresholds))
            {
                return ApiProblems.Parameter("department", $"no thresholds for department '{code}'; allowed values: {string.Join(", ", DepartmentThresholds.All.Select(known => $"{known.Department} ({known.Name})"))}");
            }

            var report = await services.Analyses.HeatWaveAsync(site, thresholds, range.From, range.To, range.TimeZone, cancellationToken).ConfigureAwait(false);
            return await AnswerAsync(range, report.WriteCsv, report.WriteJson, () => ReportCharts.HeatWave(report, range.TimeZone), cancellationToken).ConfigureAwait(false);
        });

    private static Task<IResult> ComfortAsync(
        [AsParameters] AnalysisParameters parameters,
        [FromQuery(Name = "site"), Description("Registry site ids, comma-separated or repeated; default: every site")] string[]? site,
        [AsParameters] AnalysisServices services,
        CancellationToken cancellationToken) =>
        RunAsync(parameters, services, charted: true, async range =>
        {
            var report = await services.Analyses.ComfortAsync(ReadingRequestParser.SplitList(site), range.From, range.To, range.TimeZone, cancellationToken).ConfigureAwait(false);
            return await AnswerAsync(range, report.WriteCsv, report.WriteJson, () => ReportCharts.Comfort(report), cancellationToken).ConfigureAwait(false);
        });

    private static Task<IResult> AirQualityAsync(
        [AsParameters] AnalysisParameters parameters,
        [FromQuery(Name = "scheme"), Description("eaqi (European Air Quality Index, 2024 revision) or atmo (France, arrêté of 10 July 2020)")] string? scheme,
        [FromQuery(Name = "site"), Description("Registry site ids, comma-separated or repeated; default: every site")] string[]? site,
        [AsParameters] AnalysisServices services,
        CancellationToken cancellationToken) =>
        RunAsync(parameters, services, charted: true, async range =>
        {
            if (!AirQualitySchemeNames.TryParse(scheme, out var index))
            {
                return ApiProblems.Parameter("scheme", $"'{scheme}' is not an index; allowed values: {AirQualitySchemeNames.Allowed}");
            }

            var report = await services.Analyses.AirQualityAsync(index, ReadingRequestParser.SplitList(site), range.From, range.To, range.TimeZone, cancellationToken).ConfigureAwait(false);
            return await AnswerAsync(range, report.WriteCsv, report.WriteJson, () => ReportCharts.AirQuality(report, range.TimeZone), cancellationToken).ConfigureAwait(false);
        });

    private static Task<IResult> RainAsync(
        [AsParameters] AnalysisParameters parameters,
        [FromQuery(Name = "site"), Description("Registry site ids, comma-separated or repeated; default: every site")] string[]? site,
        [FromQuery(Name = "interEventHours"), Description("The dry gap, hours, at least which separates two events, in (0, 720]; default 6")] string? interEventHours,
        [FromQuery(Name = "mmPerTip"), Description("The gauges' bucket resolution, mm per tip, in (0, 10]; default 0.2")] string? mmPerTip,
        [FromQuery(Name = "curveNumber"), Description("SCS curve number (AMC II, λ = 0.2) in (0, 100] of the surface drained: adds each event's runoff depth")] string? curveNumber,
        [AsParameters] AnalysisServices services,
        CancellationToken cancellationToken) =>
        RunAsync(parameters, services, charted: false, async range =>
        {
            var defaults = RainParameters.Default;
            if (!TryNumber(interEventHours, defaults.MinimumInterEventTime.TotalHours, 720, out var hours))
            {
                return ApiProblems.Parameter("interEventHours", $"'{interEventHours}' is not a number of hours in (0, 720]");
            }

            if (!TryNumber(mmPerTip, defaults.MillimetresPerTip, 10, out var resolution))
            {
                return ApiProblems.Parameter("mmPerTip", $"'{mmPerTip}' is not a bucket resolution in (0, 10] mm");
            }

            double? cn = null;
            if (!string.IsNullOrEmpty(curveNumber))
            {
                if (!TryNumber(curveNumber, double.NaN, 100, out var number))
                {
                    return ApiProblems.Parameter("curveNumber", $"'{curveNumber}' is not a curve number in (0, 100]");
                }

                cn = number;
            }

            var report = await services.Analyses.RainAsync(ReadingRequestParser.SplitList(site), new RainParameters(resolution, TimeSpan.FromHours(hours), cn), range.From, range.To, range.TimeZone, cancellationToken).ConfigureAwait(false);
            return await AnswerAsync(range, report.WriteCsv, report.WriteJson, chart: null, cancellationToken).ConfigureAwait(false);
        });

    private static Task<IResult> BasinsAsync(
        [AsParameters] AnalysisParameters parameters,
        [AsParameters] AnalysisServices services,
        CancellationToken cancellationToken) =>
        RunAsync(parameters, services, charted: false, async range =>
        {
            string body;
            using (var reader = new StreamReader(services.Request.Body, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            }

            IReadOnlyList<BasinDefinition> basins;
            try
            {
                basins = BasinsFile.Parse(body, "the request body");
            }
            catch (InvalidDataException refusal)
            {
                return TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { ["body"] = [refusal.Message] },
                    detail: refusal.Message,
                    title: "Invalid basins file in the request body");
            }

            var report = await services.Analyses.BasinsAsync(basins, range.From, range.To, range.TimeZone, cancellationToken).ConfigureAwait(false);
            return await AnswerAsync(range, report.WriteCsv, report.WriteJson, chart: null, cancellationToken).ConfigureAwait(false);
        });

    /// <summary>Parses the range, runs the analysis and turns its refusals into problem details.</summary>
    private static async Task<IResult> RunAsync(AnalysisParameters parameters, AnalysisServices services, bool charted, Func<AnalysisRange, Task<IResult>> analyse)
    {
        var (range, error) = AnalysisRangeParser.Parse(parameters, services.Request.Headers.Accept.ToString(), services.TimeProvider.GetUtcNow(), charted);
        if (error is not null)
        {
            return ApiProblems.Parameter(error.Parameter, error.Message);
        }

        try
        {
            return await analyse(range!).ConfigureAwait(false);
        }
        catch (AnalysisRefusedException refusal) when (refusal.Parameter is { } parameter)
        {
            return ApiProblems.Parameter(parameter, refusal.Message);
        }
        catch (AnalysisRefusedException refusal)
        {
            return Unprocessable(refusal.Message);
        }
        catch (ArgumentException invalid)
        {
            // A stored value outside a formula's domain, such as a negative concentration: the data, not the request, is at fault.
            return Unprocessable(invalid.Message);
        }
    }

    /// <summary>The report as the range's format asks: JSON, CSV, or its chart when the analysis draws one.</summary>
    private static async Task<IResult> AnswerAsync(AnalysisRange range, Action<TextWriter> writeCsv, Action<Utf8JsonWriter> writeJson, Func<TimeSeriesChart>? chart, CancellationToken cancellationToken)
    {
        switch (range.Format)
        {
            case AnalysisFormat.Csv:
                return TypedResults.Text(ReportWriter.Render(ReportFormat.Csv, writeCsv, writeJson), Csv);
            case AnalysisFormat.Png when chart is not null:
                TimeSeriesChart drawn;
                try
                {
                    drawn = chart();
                }
                catch (AnalysisRefusedException nothing)
                {
                    return Unprocessable($"nothing to draw: {nothing.Message}");
                }

                using (var png = new MemoryStream())
                {
                    await drawn.WritePngAsync(png, cancellationToken).ConfigureAwait(false);
                    return TypedResults.File(png.ToArray(), "image/png");
                }

            default:
                return TypedResults.Text(ReportWriter.Render(ReportFormat.Json, writeCsv, writeJson), Json);
        }
    }

    private static ProblemHttpResult Unprocessable(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The analysis cannot be computed from the stored readings");

    /// <summary>A number in (0, maximum], or the default when none is given.</summary>
    private static bool TryNumber(string? text, double fallback, double maximum, out double number)
    {
        if (string.IsNullOrEmpty(text))
        {
            number = fallback;
            return true;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number) && number > 0 && number <= maximum;
    }
}

using System.Globalization;
using UrbanSensing.Analytics.Heat.Spatial;
using UrbanSensing.Analytics.Reports;
using UrbanSensing.Bench.Analytics;

// urbansensing-bench-analytics [--runs N] [--warmups N] [--seed N]
// Prints the figures as Markdown; exit code 3 when the library and a baseline disagree.
const string Usage = "usage: urbansensing-bench-analytics [--runs N ≥ 1] [--warmups N ≥ 0] [--seed N]";
var (runs, warmups, seed) = (7, 2, 2025);
for (var index = 0; index < args.Length; index += 2)
{
    if (index + 1 == args.Length || !int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
    {
        await Console.Error.WriteLineAsync(Usage).ConfigureAwait(false);
        return 2;
    }

    switch (args[index])
    {
        case "--runs": runs = value; break;
        case "--warmups": warmups = value; break;
        case "--seed": seed = value; break;
        default:
            await Console.Error.WriteLineAsync($"unknown option {args[index]}; {Usage}").ConfigureAwait(false);
            return 2;
    }
}

if (runs < 1)
{
    await Console.Error.WriteLineAsync(Usage).ConfigureAwait(false);
    return 2;
}

const int Sites = 500;
const int ReferenceSites = 5;
const int GridCells = 200;
const double UhiTargetMilliseconds = 2_000;
const double GridTargetMilliseconds = 100;
const double Agreed = 1e-9;

var timeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
var city = BenchCity.Generate(Sites, ReferenceSites, seed);
var started = DateTimeOffset.UtcNow;

var readings = new MemoryReadings();
var analyses = new Analyses(readings, city.Registry);
var (from, to) = (BenchCity.Start, BenchCity.Start.AddHours(BenchCity.Hours));
HeatIslandAnalysis? analysis = null;
HeatIslandAnalysis? mappedAnalysis = null;
AnalyzeUhiResult? staged = null;
HeatIslandBaseline? baseline = null;
var uhi = await Contest.RunAsync(
    warmups,
    runs,
    new Contender(
        "analyze uhi",
        async clock =>
        {
            analysis = await analyses.HeatIslandAsync(from, to, timeZone, withMap: false, CancellationToken.None).ConfigureAwait(false);
            clock.Lap("analysis");
        },
        () => readings.Load(city.HourlyMeansByDevice())),
    new Contender(
        "analyze uhi --map",
        async clock =>
        {
            mappedAnalysis = await analyses.HeatIslandAsync(from, to, timeZone, withMap: true, CancellationToken.None).ConfigureAwait(false);
            clock.Lap("analysis");
        },
        () => readings.Load(city.HourlyMeansByDevice())),
    new Contender("stages", clock => staged = AnalyzeUhi.Run(city.Registry, readings.Take(), timeZone, clock), () => readings.Load(city.HourlyMeansByDevice())),
    new Contender("loop", clock =>
    {
        baseline = HeatIslandBaseline.Run(city, timeZone, summaries: true);
        clock.Lap("loop");
    }),
    new Contender("subtraction", clock =>
    {
        HeatIslandBaseline.Run(city, timeZone, summaries: false);
        clock.Lap("subtraction");
    })).ConfigureAwait(false);
var uhiDifference = Math.Max(
    Agreement.HeatIsland(city, null, analysis!.Report, baseline!),
    Agreement.HeatIsland(city, staged!.HourlyBySite, staged.Report, baseline!));
Agreement.SameReport(analysis.Report, staged.Report, "the staged run");
Agreement.SameReport(analysis.Report, mappedAnalysis!.Report, "the run with the map");

// The stations of the map of analyze uhi --map: each urban site's mean heat island over the year, the reference sites at 0 K.
var stations = mappedAnalysis.Map!.Stations;
var grid = GridAround(stations, GridCells);
var idw = new InverseDistanceWeighting(new IdwOptions());
var limited = new InverseDistanceWeighting(new IdwOptions { SearchRadiusKilometres = 3, MaximumNeighbours = 12 });
var mapped = idw.Interpolate(stations, grid);
double[] bruteForce = [];
var idwTimings = await Contest.RunAsync(
    warmups,
    runs,
    new Contender("grid", clock =>
    {
        mapped = idw.Interpolate(stations, grid);
        clock.Lap("grid");
    }),
    new Contender("limited", clock =>
    {
        limited.Interpolate(stations, grid);
        clock.Lap("grid");
    }),
    new Contender("brute force", clock =>
    {
        bruteForce = IdwBaseline.Grid(stations, grid);
        clock.Lap("grid");
    }),
    new Contender("geojson", clock =>
    {
        GridGeoJson.Write(mapped, Stream.Null);
        clock.Lap("geojson");
    })).ConfigureAwait(false);
var gridDifference = Agreement.Grid(mapped, bruteForce);

CrossValidation? validation = null;
var bruteForceRootMeanSquare = 0.0;
var looTimings = await Contest.RunAsync(
    warmups,
    runs,
    new Contender("leave-one-out", clock =>
    {
        validation = idw.LeaveOneOut(stations);
        clock.Lap("leave-one-out");
    }),
    new Contender("brute force", clock =>
    {
        bruteForceRootMeanSquare = IdwBaseline.LeaveOneOutRootMeanSquareError(stations);
        clock.Lap("leave-one-out");
    })).ConfigureAwait(false);
var looDifference = Math.Abs(validation!.RootMeanSquareError - bruteForceRootMeanSquare);

var loadAverage = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
var invariant = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(invariant, $"Run {started:yyyy-MM-dd HH:mm}–{DateTimeOffset.UtcNow:HH:mm} UTC on {Environment.ProcessorCount} cores, load average {loadAverage} at the end, .NET runtime {Environment.Version}; best and median of {runs} runs after {warmups} warm-ups, each row's contender and baseline taking turns run by run."));
Console.WriteLine(string.Create(invariant, $"Data (seed {seed}): {Sites} sites ({ReferenceSites} reference) × {BenchCity.Hours} hourly means of 2025, {city.MissingHours} missing; IDW from {stations.Count} stations onto {grid.Rows} × {grid.Columns} cells, {grid.South:0.000}–{grid.North:0.000} °N, {grid.West:0.000}–{grid.East:0.000} °E."));
Console.WriteLine();
Console.WriteLine("| measurement | best ms | median ms | allocated MB | GC pauses ms | target | verdict | baseline in the same run | baseline best ms | baseline median ms | ÷ baseline, medians | ÷ baseline, bests |");
Console.WriteLine("|---|---:|---:|---:|---:|---|---|---|---:|---:|---:|---:|");
var (analyzeUhi, withMap, stages, loop, subtraction) = (uhi[0], uhi[1], uhi[2], uhi[3], uhi[4]);
const string LoopName = "array loop: subtraction, days, nights, groups";
string[] fromSeries = [AnalyzeUhi.Series, AnalyzeUhi.Hourly, AnalyzeUhi.Days, AnalyzeUhi.Rows, AnalyzeUhi.Zones, AnalyzeUhi.HotSpots];
RowOf($"heat island of `analyze uhi` from the sites' hourly means, {Sites} sites × 1 year (the six stages below)", stages.Best(fromSeries), stages.Median(fromSeries), null, UhiTargetMilliseconds, loop, LoopName);
Row($"· {AnalyzeUhi.Series} (`HourlySeries.FromReadings` × {Sites}, reading each site's hours in order)", stages, AnalyzeUhi.Series);
Row($"· {AnalyzeUhi.Hourly} (`HeatIslandIntensity.EachUrbanSite`)", stages, AnalyzeUhi.Hourly);
Row($"· {AnalyzeUhi.Days} (`HeatIslandDays` × {Sites - ReferenceSites})", stages, AnalyzeUhi.Days);
Row($"· {AnalyzeUhi.Rows} (`HeatIslandReport`'s own code: hours per local day, one row per site and day)", stages, AnalyzeUhi.Rows);
Row($"· {AnalyzeUhi.Zones} (`ZoneContrast`)", stages, AnalyzeUhi.Zones);
Row($"· {AnalyzeUhi.HotSpots} (Getis-Ord Gi* of the sites' mean heat island, 3 km band)", stages, AnalyzeUhi.HotSpots);
RowOf("· hourly series and hourly heat island together", stages.Best(AnalyzeUhi.Series, AnalyzeUhi.Hourly), stages.Median(AnalyzeUhi.Series, AnalyzeUhi.Hourly), null, null, subtraction, "array loop: the subtraction only");
Row($"heat island as `analyze uhi` and `/api/v1/analyses/uhi` run it: `Analyses.HeatIslandAsync` from the device means", analyzeUhi, Timings.Total, UhiTargetMilliseconds, loop, LoopName);
Row($"· {AnalyzeUhi.SiteMeans} (`Analyses`' own code: each site's device means hour by hour, hashed then sorted once; timed in the staged run)", stages, AnalyzeUhi.SiteMeans);
Row($"the same with the map, `analyze uhi --map` ({mappedAnalysis.Map.Grid.Specification.Rows} × {mappedAnalysis.Map.Grid.Specification.Columns} cells and the leave-one-out error)", withMap, Timings.Total, UhiTargetMilliseconds, loop, LoopName);
Row($"IDW grid {GridCells} × {GridCells}, {stations.Count} stations, `analyze uhi --map`'s options (every station, p = 2)", idwTimings[0], Timings.Total, GridTargetMilliseconds, idwTimings[2], "brute-force loop, every station");
Row("IDW grid, 3 km radius and 12 neighbours", idwTimings[1], Timings.Total, null, idwTimings[2], "brute-force loop, every station");
Row($"leave-one-out error, {stations.Count} stations", looTimings[0], Timings.Total, null, looTimings[1], "brute-force loop, every other station");
Row($"GeoJSON of the grid ({grid.Rows * grid.Columns:N0} polygons, to `Stream.Null`)", idwTimings[3], Timings.Total);
Console.WriteLine();
Console.WriteLine(string.Create(invariant, $"Library against baselines, largest |difference|: heat island {uhiDifference:G3} K (hours, days, nights, groups), grid {gridDifference:G3} K, leave-one-out RMSE {looDifference:G3} K (RMSE {validation.RootMeanSquareError:0.000} K, MAE {validation.MeanAbsoluteError:0.000} K)."));
return Math.Max(uhiDifference, Math.Max(gridDifference, looDifference)) <= Agreed ? 0 : 3;

void Row(string measurement, Timings timings, string stage, double? target = null, Timings? reference = null, string? referenceName = null) =>
    RowOf(measurement, timings.Best(stage), timings.Median(stage), stage == Timings.Total ? timings : null, target, reference, referenceName);

void RowOf(string measurement, double best, double median, Timings? whole, double? target, Timings? reference, string? referenceName)
{
    var verdict = target is not { } limit ? "" : median < limit ? "met" : best < limit ? "best run only" : "missed";
    var cells = new List<string>
    {
        measurement,
        Milliseconds(best),
        Milliseconds(median),
        whole is null ? "" : whole.MedianAllocatedMegabytes.ToString("0", invariant),
        whole is null ? "" : Milliseconds(whole.MedianPausedMilliseconds),
        target is { } milliseconds ? string.Create(invariant, $"< {milliseconds:0} ms") : "",
        verdict,
        referenceName ?? "",
        reference is null ? "" : Milliseconds(reference.Best()),
        reference is null ? "" : Milliseconds(reference.Median()),
        reference is null ? "" : (median / reference.Median()).ToString("0.00", invariant),
        reference is null ? "" : (best / reference.Best()).ToString("0.00", invariant),
    };
    Console.WriteLine("| " + string.Join(" | ", cells) + " |");
}

static string Milliseconds(double milliseconds) => milliseconds.ToString(milliseconds < 100 ? "0.0" : "0", CultureInfo.InvariantCulture);

// As analyze uhi --map frames its map: the stations' box with a margin of 15 % on each side.
static GridSpecification GridAround(IReadOnlyList<Station> stations, int cells)
{
    var (south, north) = (stations.Min(station => station.Latitude), stations.Max(station => station.Latitude));
    var (west, east) = (stations.Min(station => station.Longitude), stations.Max(station => station.Longitude));
    var (latitudeMargin, longitudeMargin) = ((north - south) * 0.15, (east - west) * 0.15);
    return new GridSpecification(south - latitudeMargin, west - longitudeMargin, north + latitudeMargin, east + longitudeMargin, cells, cells);
}

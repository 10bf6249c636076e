using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using UrbanSensing.Protocol;
using UrbanSensing.Registry;
using UrbanSensing.Storage;
using UrbanSensing.Storage.Aggregation;

namespace UrbanSensing.Api.Readings;

/// <summary><c>GET /api/v1/readings</c>: any selection, raw or aggregated over calendar windows, as JSON or streamed CSV.</summary>
internal static class ReadingEndpoints
{
    public static RouteGroupBuilder MapReadings(this RouteGroupBuilder api)
    {
        api.MapGet("/readings", GetReadingsAsync)
            .WithName("GetReadings")
            .WithSummary("Readings of any selection of devices, sites, districts, local climate zones and quantities over a time range, raw or aggregated.")
            .WithDescription(
                "Without 'window', raw readings ordered by device, sensor, quantity and time, each with its quality flags and its device's site, district and local climate zone. "
                + "With 'window', one row per channel and window with the asked aggregates; windows follow the wall clock of 'tz' (Europe/Paris by default), "
                + "so a day lasts 23 or 25 hours on daylight-saving days and the hour repeated in October is two windows. Windows without readings are left out. "
                + "JSON responses are bounded ('limit' for raw readings, a 413 beyond it; 1,000,000 values aggregated); CSV and Parquet are streamed.")
            .Produces<IEnumerable<ReadingResponse>>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status200OK, contentType: ReadingParquet.ContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return api;
    }

    private static async Task<IResult> GetReadingsAsync(
        [AsParameters] ReadingParameters parameters,
        HttpRequest request,
        IReadingStore store,
        IDeviceDirectory directory,
        SensorRegistry registry,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var parsed = await new ReadingRequestParser(registry).ParseAsync(
            parameters,
            request.Headers.Accept.ToString(),
            timeProvider.GetUtcNow(),
            async token => (await directory.ListDevicesAsync(token).ConfigureAwait(false)).Select(device => device.DeviceId).ToHashSet(StringComparer.Ordinal),
            cancellationToken).ConfigureAwait(false);
        if (parsed.Error is { } error)
        {
            return ApiProblems.Parameter(error.Parameter, error.Message);
        }

        var readingRequest = parsed.Request!;
        if (readingRequest.Aggregation is { } aggregation)
        {
            var windows = readingRequest.SelectsNoDevice ? AsyncEnumerable.Empty<AggregatedWindow>() : store.AggregateAsync(aggregation, cancellationToken);
            return readingRequest.Format switch
            {
                ReadingFormat.Csv => Streamed(stream => ReadingCsv.WriteWindowsAsync(windows, aggregation.Aggregates, registry, stream, cancellationToken), ReadingCsv.ContentType, "aggregated-readings.csv"),
                ReadingFormat.Parquet => Streamed(stream => ReadingParquet.WriteWindowsAsync(windows, aggregation.Aggregates, registry, stream, cancellationToken), ReadingParquet.ContentType, "aggregated-readings.parquet"),
                _ => TypedResults.Ok(WindowResponses(windows, aggregation.Aggregates, registry, cancellationToken)),
            };
        }

        var selection = readingRequest.Selection;
        if (readingRequest.Format != ReadingFormat.Json && !readingRequest.SelectsNoDevice && store is IReadingFileExporter exporter)
        {
            return await ExportFileAsync(exporter, selection, readingRequest.Format, registry, cancellationToken).ConfigureAwait(false);
        }

        if (readingRequest.Format != ReadingFormat.Json)
        {
            var all = readingRequest.SelectsNoDevice ? AsyncEnumerable.Empty<Reading>() : store.QueryAsync(selection, cancellationToken);
            return readingRequest.Format == ReadingFormat.Csv
                ? Streamed(stream => ReadingCsv.WriteReadingsAsync(all, registry, stream, cancellationToken), ReadingCsv.ContentType, "readings.csv")
                : Streamed(stream => ReadingParquet.WriteReadingsAsync(all, registry, stream, cancellationToken), ReadingParquet.ContentType, "readings.parquet");
        }

        var readings = readingRequest.SelectsNoDevice ? AsyncEnumerable.Empty<Reading>() : store.QueryAsync(selection with { Limit = selection.Limit + 1 }, cancellationToken);
        // A JSON answer is checked whole before it is sent, so one that would exceed the limit is refused, never cut short.
        var limit = selection.Limit!.Value;
        var responses = new List<ReadingResponse>();
        var places = new ChannelPlaces(registry);
        await foreach (var reading in readings.ConfigureAwait(false))
        {
            if (responses.Count == limit)
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status413PayloadTooLarge,
                    title: "Too many readings",
                    detail: $"The selection holds more than {limit:N0} readings (parameter 'limit', at most {ReadingLimits.MaxJsonReadings:N0} in JSON). Narrow the devices, quantities or time range, aggregate with 'window', or ask for format=csv or parquet, which are streamed without a limit.");
            }

            responses.Add(ReadingResponse.From(reading, places.Of(reading.DeviceId)));
        }

        return TypedResults.Ok(responses);
    }

    /// <summary>
    /// The store writes the whole answer to a temporary file with its own engine, which is then sent with its length
    /// and deleted once sent (or when the request is abandoned).
    /// </summary>
    private static async Task<IResult> ExportFileAsync(IReadingFileExporter exporter, ReadingQuery selection, ReadingFormat format, SensorRegistry registry, CancellationToken cancellationToken)
    {
        var (fileFormat, contentType, name) = format == ReadingFormat.Parquet
            ? (ReadingFileFormat.Parquet, ReadingParquet.ContentType, "readings.parquet")
            : (ReadingFileFormat.Csv, ReadingCsv.ContentType, "readings.csv");
        var path = Path.Combine(Path.GetTempPath(), $"urbansensing-export-{Guid.NewGuid():N}.{name[(name.IndexOf('.', StringComparison.Ordinal) + 1)..]}");
        var layout = new ReadingFileExport(
            fileFormat,
            [.. registry.Devices.Select(device => new DevicePlace(device.Id, device.Site.Id, device.Site.District, device.Site.LocalClimateZone.Code))],
            QualityFlagNames.All);
        try
        {
            await exporter.ExportAsync(selection, layout, path, cancellationToken).ConfigureAwait(false);
            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            return TypedResults.File(file, contentType, name);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    private static PushStreamHttpResult Streamed(Func<Stream, Task> write, string contentType, string fileName) =>
        TypedResults.Stream(write, contentType, fileName);

    private static async IAsyncEnumerable<AggregatedReadingResponse> WindowResponses(
        IAsyncEnumerable<AggregatedWindow> windows,
        IReadOnlyList<Aggregate> aggregates,
        SensorRegistry registry,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var places = new ChannelPlaces(registry);
        await foreach (var window in windows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return AggregatedReadingResponse.From(window, aggregates, places.Of(window.DeviceId));
        }
    }
}

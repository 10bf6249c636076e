using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using UrbanSensing.Api.Readings;
using UrbanSensing.Storage;

namespace UrbanSensing.Api.Events;

/// <summary><c>GET /api/v1/events</c>: what the continuous analytics raised (heat waves, basins near overflow), newest first.</summary>
internal static class EventEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 10_000;

    private static readonly TimeSpan DefaultRange = TimeSpan.FromDays(30);

    public static RouteGroupBuilder MapEvents(this RouteGroupBuilder api)
    {
        api.MapGet("/events", ListAsync)
            .WithName("GetEvents")
            .WithSummary("Events the continuous analytics raised (heat-wave-started, heat-wave-ended, basin-near-overflow, basin-overflowing, basin-back-to-normal), newest first.")
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<Results<Ok<List<EventResponse>>, ValidationProblem>> ListAsync(
        [FromQuery(Name = "from"), Description("ISO 8601 start, included; default: 30 days before 'to'. Without an offset, UTC")] string? from,
        [FromQuery(Name = "to"), Description("ISO 8601 end, excluded; default: now")] string? to,
        [FromQuery(Name = "kind"), Description("Only these kinds, comma-separated or repeated")] string[]? kind,
        [FromQuery(Name = "limit"), Description("At most this many, 1 to 10000; default 100")] string? limit,
        IAnalyticsEventStore events,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        if (ReadingRequestParser.TryParseRange(from, to, timeProvider.GetUtcNow(), DefaultRange, maximumRange: null, out var start, out var end) is { } rangeError)
        {
            return ApiProblems.Parameter(rangeError.Parameter, rangeError.Message);
        }

        var count = DefaultLimit;
        if (!string.IsNullOrEmpty(limit) && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > MaxLimit))
        {
            return ApiProblems.Parameter("limit", $"'{limit}' is not a whole number from 1 to {MaxLimit}");
        }

        var kinds = ReadingRequestParser.SplitList(kind);
        var listed = await events.ListAsync(start, end, kinds, count, cancellationToken).Select(EventResponse.From).ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(listed);
    }
}

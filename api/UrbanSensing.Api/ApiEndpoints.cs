using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using UrbanSensing.Api.Analyses;
using UrbanSensing.Api.Events;
using UrbanSensing.Api.Readings;
using UrbanSensing.Api.Registry;
using UrbanSensing.Storage;

namespace UrbanSensing.Api;

/// <summary>Maps the version 1 HTTP API under <c>/api/v1</c>.</summary>
public static class ApiEndpoints
{
    /// <summary>Health checks with this tag must pass for the service to take traffic.</summary>
    public const string ReadinessTag = "ready";

    public const int DefaultDeadLetterLimit = 100;
    public const int MaxDeadLetterLimit = 10_000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IEndpointRouteBuilder MapUrbanSensingApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1");
        api.MapGet("/health", (HealthCheckService health, CancellationToken cancellationToken) => GetHealthAsync(health, _ => true, cancellationToken))
            .WithName("GetHealth");
        api.MapGet("/health/live", () => TypedResults.Ok(new HealthResponse(nameof(HealthStatus.Healthy), new Dictionary<string, HealthCheckResponse>())))
            .WithName("GetLiveness");
        api.MapGet("/health/ready", (HealthCheckService health, CancellationToken cancellationToken) => GetHealthAsync(health, check => check.Tags.Contains(ReadinessTag), cancellationToken))
            .WithName("GetReadiness");
        api.MapReadings();
        api.MapRegistry();
        api.MapAnalyses();
        api.MapEvents();
        api.MapGet("/dead-letters", GetDeadLetters).WithName("GetDeadLetters");
        api.MapGet("/dead-letters/summary", GetDeadLetterSummaryAsync).WithName("GetDeadLetterSummary");
        api.MapPost("/dead-letters/resubmit", ResubmitDeadLettersAsync).WithName("ResubmitDeadLetters");
        return endpoints;
    }

    private static async Task<IResult> GetHealthAsync(HealthCheckService health, Func<HealthCheckRegistration, bool> predicate, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(predicate, cancellationToken).ConfigureAwait(false);
        var body = new HealthResponse(
            report.Status.ToString(),
            report.Entries.ToDictionary(entry => entry.Key, entry => new HealthCheckResponse(entry.Value.Status.ToString(), entry.Value.Description)));
        return report.Status != HealthStatus.Healthy
            ? TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(body);
    }

    private static Results<Ok<IAsyncEnumerable<DeadLetterResponse>>, ValidationProblem> GetDeadLetters(
        HttpRequest request,
        IDeadLetterStore deadLetters,
        CancellationToken cancellationToken)
    {
        var limit = DefaultDeadLetterLimit;
        if (request.Query.TryGetValue("limit", out var limitText)
            && (!int.TryParse(limitText, out limit) || limit < 1 || limit > MaxDeadLetterLimit))
        {
            return ApiProblems.Parameter("limit", $"'{limitText}' is not a whole number from 1 to {MaxDeadLetterLimit}");
        }

        return TypedResults.Ok(StreamDeadLetters(deadLetters, limit, cancellationToken));
    }

    private static async Task<Ok<IReadOnlyDictionary<string, long>>> GetDeadLetterSummaryAsync(IDeadLetterStore deadLetters, CancellationToken cancellationToken) =>
        TypedResults.Ok(await deadLetters.CountByKindAsync(cancellationToken).ConfigureAwait(false));

    private static async Task<Results<Ok<ResubmitResponse>, ValidationProblem>> ResubmitDeadLettersAsync(
        HttpRequest request,
        IDeadLetterResubmitter resubmitter,
        CancellationToken cancellationToken)
    {
        List<long>? ids = null;
        if (request.Query.TryGetValue("id", out var idTexts))
        {
            ids = [];
            foreach (var text in idTexts.SelectMany(value => (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            {
                if (!long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
                {
                    return ApiProblems.Parameter("id", $"'{text}' is not a dead letter id (a whole number)");
                }

                ids.Add(id);
            }
        }

        var resubmitted = await resubmitter.ResubmitAsync(ids, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new ResubmitResponse(resubmitted));
    }

    private static async IAsyncEnumerable<DeadLetterResponse> StreamDeadLetters(
        IDeadLetterStore deadLetters,
        int limit,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var deadLetter in deadLetters.ListAsync(limit, cancellationToken).ConfigureAwait(false))
        {
            yield return new DeadLetterResponse(
                deadLetter.Id,
                deadLetter.ReceivedAt.UtcDateTime,
                deadLetter.Topic,
                deadLetter.DeviceId,
                deadLetter.Kind,
                deadLetter.Reason,
                deadLetter.ContentType,
                Convert.ToBase64String(deadLetter.Payload.Span),
                TryDecodeText(deadLetter.Payload.Span));
        }
    }

    private static string? TryDecodeText(ReadOnlySpan<byte> payload)
    {
        try
        {
            return StrictUtf8.GetString(payload);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}

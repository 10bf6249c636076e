using Microsoft.Extensions.Diagnostics.HealthChecks;
using UrbanSensing.Storage;

namespace UrbanSensing.Cli;

/// <summary>
/// The store answers: one row of the small dead-letter table, so a readiness probe never scans the readings.
/// </summary>
internal sealed class StoreHealthCheck(IDeadLetterStore deadLetters) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await deadLetters.ListAsync(1, cancellationToken).AnyAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("the store answers");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("the store does not answer", exception);
        }
    }
}

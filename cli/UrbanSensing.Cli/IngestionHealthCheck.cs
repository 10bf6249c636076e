using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace UrbanSensing.Cli;

internal sealed class IngestionHealthCheck(IngestionService ingestion, IngestionStatistics statistics) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var description = $"{statistics.ReadingsStored} readings stored, {statistics.Rejected} dead letters";
        return Task.FromResult(ingestion.IsConnected
            ? HealthCheckResult.Healthy($"connected to the broker; {description}")
            : HealthCheckResult.Unhealthy($"not connected to the broker, reconnecting; {description}"));
    }
}

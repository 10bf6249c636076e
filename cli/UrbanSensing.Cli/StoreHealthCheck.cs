using Microsoft.Extensions.Diagnostics.HealthChecks;
using UrbanSensing.Storage;

namespace UrbanSensing.Cli;

internal sealed class StoreHealthCheck(IDeviceDirectory devices) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var count = (await devices.ListDevicesAsync(cancellationToken).ConfigureAwait(false)).Count;
            return HealthCheckResult.Healthy($"{count} devices known");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("the store does not answer", exception);
        }
    }
}

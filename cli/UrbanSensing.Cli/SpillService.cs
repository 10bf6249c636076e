using UrbanSensing.Storage.Spill;

namespace UrbanSensing.Cli;

/// <summary>Replays what an earlier run spilled before ingestion starts, and stops replaying after ingestion stopped.</summary>
internal sealed class SpillService(SpillingReadingStore spill) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => spill.StartAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken) => await spill.DisposeAsync().ConfigureAwait(false);
}

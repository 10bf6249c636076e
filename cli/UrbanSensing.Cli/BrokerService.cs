using UrbanSensing.Ingestion.Mqtt;

namespace UrbanSensing.Cli;

/// <summary>Starts the embedded broker before everything that connects to it, and stops it after them.</summary>
internal sealed class BrokerService(EmbeddedMqttBroker broker) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => broker.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => broker.StopAsync(cancellationToken);
}

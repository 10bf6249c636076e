using Microsoft.Extensions.Options;
using UrbanSensing.Ingestion.Mqtt;
using UrbanSensing.Registry;
using UrbanSensing.Simulator;

namespace UrbanSensing.Cli;

/// <summary>Plays the simulated fleet against the same broker ingestion reads from; stops first on shutdown.</summary>
internal sealed partial class FleetService(
    FleetOptions options,
    SensorRegistry registry,
    IOptions<MqttIngestionOptions> broker,
    ILoggerFactory loggerFactory) : IHostedService, IDisposable
{
    private readonly ILogger<FleetService> _logger = loggerFactory.CreateLogger<FleetService>();
    private readonly CancellationTokenSource _stopping = new();
    private Fleet? _fleet;

    /// <summary>Completes when every device has finished (its reading budget spent, or stopped).</summary>
    public Task<FleetReport> Completion { get; private set; } = Task.FromResult(new FleetReport([]));

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _fleet = Fleet.Create(
            options,
            registry,
            MqttFleetTransport.Factory(broker.Value.Host, broker.Value.Port, loggerFactory),
            TimeProvider.System,
            loggerFactory);
        Completion = _fleet.RunAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        var report = await Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        LogStopped(report.Devices.Count, report.ReadingsPublished, report.MessagesDropped);
    }

    public void Dispose()
    {
        _fleet?.Dispose();
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulator stopped: {Devices} devices published {Readings} readings ({Dropped} messages dropped on the devices)")]
    private partial void LogStopped(int devices, long readings, long dropped);
}

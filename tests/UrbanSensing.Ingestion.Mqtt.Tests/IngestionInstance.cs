using System.Collections.Concurrent;
using System.Reactive.Linq;
using Microsoft.Extensions.Logging.Abstractions;
using UrbanSensing.Protocol;
using UrbanSensing.Tests.Shared;

namespace UrbanSensing.Ingestion.Mqtt.Tests;

/// <summary>An MqttIngestionClient and its inbox, recording what it received and acknowledging on request.</summary>
internal sealed class IngestionInstance : IAsyncDisposable
{
    private readonly TestMeterFactory _meters = new();
    private readonly MessageInbox _inbox = new(maxInFlight: 10_000);
    private readonly IDisposable _subscription;

    private IngestionInstance(MqttIngestionOptions options, bool acknowledge)
    {
        Options = options;
        Client = new MqttIngestionClient(options, _inbox, new IngestionMetrics(_meters), TimeProvider.System, NullLogger<MqttIngestionClient>.Instance);
        _subscription = _inbox.Messages
            .Where(message => Topics.TryParse(message.Topic, out _, out var leaf) && leaf == Topics.TelemetryLeaf)
            .Select(message => Observable.FromAsync(async cancellationToken =>
            {
                Received.Enqueue(message);
                if (acknowledge)
                {
                    await message.AcknowledgeAsync(cancellationToken);
                }
            }))
            .Concat()
            .Subscribe();
    }

    public MqttIngestionOptions Options { get; }

    public MqttIngestionClient Client { get; }

    public ConcurrentQueue<InboundMessage> Received { get; } = new();

    public static async Task<IngestionInstance> StartAsync(MqttIngestionOptions options, bool acknowledge, CancellationToken cancellationToken)
    {
        var instance = new IngestionInstance(options, acknowledge);
        await instance.Client.StartAsync(cancellationToken);
        return instance;
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        _subscription.Dispose();
        _inbox.Dispose();
        _meters.Dispose();
    }
}

using System.Net;
using Microsoft.Extensions.Logging;
using MQTTnet.Server;

namespace UrbanSensing.Ingestion.Mqtt;

/// <summary>An MQTT 5 broker in process (MQTTnet.Server) with persistent sessions, so one command runs the whole system.</summary>
public sealed class EmbeddedMqttBroker : IAsyncDisposable
{
    private readonly EmbeddedBrokerOptions _options;
    private readonly ILogger<EmbeddedMqttBroker> _logger;
    private readonly MqttServer _server;

    public EmbeddedMqttBroker(EmbeddedBrokerOptions options, ILogger<EmbeddedMqttBroker> logger)
    {
        _options = options;
        _logger = logger;
        var factory = new MqttServerFactory();
        var serverOptions = factory.CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Parse(options.BindAddress))
            .WithDefaultEndpointPort(options.Port)
            .WithPersistentSessions()
            .WithMaxPendingMessagesPerClient(options.MaxPendingMessagesPerClient)
            .WithPendingMessagesOverflowStrategy(MqttPendingMessagesOverflowStrategy.DropNewMessage)
            .Build();
        _server = factory.CreateMqttServer(serverOptions);
    }

    public string Endpoint => $"mqtt://{_options.BindAddress}:{_options.Port}";

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await _server.StartAsync().ConfigureAwait(false);
        EmbeddedBrokerLog.Started(_logger, Endpoint);
    }

    /// <summary>Messages the broker holds for a client and has not had acknowledged yet.</summary>
    public async Task<long> PendingMessagesAsync(string clientId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var sessions = await _server.GetSessionsAsync().ConfigureAwait(false);
        return sessions.Where(session => session.Id == clientId).Sum(session => session.PendingApplicationMessagesCount);
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_server.IsStarted)
        {
            await _server.StopAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _server.Dispose();
    }
}

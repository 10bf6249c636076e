using System.Net;
using Microsoft.Extensions.Logging;
using MQTTnet.Server;

namespace UrbanSensing.Ingestion.Mqtt;

/// <summary>
/// An MQTT 5 broker in process (MQTTnet.Server) with persistent sessions, so one command runs the whole system.
/// MQTTnet drops queued messages once a subscriber's queue is full; this broker never lets it get there: while any
/// subscriber's queue is above <see cref="EmbeddedBrokerOptions.SlowPublishersAt"/>, publishers wait for their
/// acknowledgement, so at QoS 1 an overload slows the devices instead of losing their readings.
/// </summary>
public sealed class EmbeddedMqttBroker : IAsyncDisposable
{
    private readonly EmbeddedBrokerOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<EmbeddedMqttBroker> _logger;
    private readonly MqttServer _server;
    private readonly long _slowPublishersAt;
    private readonly CancellationTokenSource _stopping = new();
    private Task _queueWatch = Task.CompletedTask;
    private long _longestQueue;

    public EmbeddedMqttBroker(EmbeddedBrokerOptions options, TimeProvider timeProvider, ILogger<EmbeddedMqttBroker> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _slowPublishersAt = (long)(options.MaxPendingMessagesPerClient * options.SlowPublishersAt);
        var factory = new MqttServerFactory();
        var serverOptions = factory.CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Parse(options.BindAddress))
            .WithDefaultEndpointBoundIPV6Address(IPAddress.IPv6Loopback)
            .WithDefaultEndpointPort(options.Port)
            .WithPersistentSessions()
            .WithMaxPendingMessagesPerClient(options.MaxPendingMessagesPerClient)
            .WithPendingMessagesOverflowStrategy(MqttPendingMessagesOverflowStrategy.DropNewMessage)
            .Build();
        _server = factory.CreateMqttServer(serverOptions);
        _server.InterceptingPublishAsync += HoldBackWhileSubscribersAreBehindAsync;
    }

    public string Endpoint => $"mqtt://{_options.BindAddress}:{_options.Port}";

    /// <summary>The longest subscriber queue at the last check.</summary>
    public long LongestQueue => Interlocked.Read(ref _longestQueue);

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await _server.StartAsync().ConfigureAwait(false);
        _queueWatch = WatchQueuesAsync(_stopping.Token);
        EmbeddedBrokerLog.Started(_logger, Endpoint);
    }

    /// <summary>Messages the broker holds for these clients and has not delivered yet.</summary>
    public async Task<long> PendingMessagesAsync(IReadOnlyCollection<string> clientIds, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var sessions = await _server.GetSessionsAsync().ConfigureAwait(false);
        return sessions.Where(session => clientIds.Contains(session.Id)).Sum(session => session.PendingApplicationMessagesCount);
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _queueWatch.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_server.IsStarted)
        {
            await _server.StopAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _server.Dispose();
        _stopping.Dispose();
    }

    private async Task WatchQueuesAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var sessions = await _server.GetSessionsAsync().ConfigureAwait(false);
            Interlocked.Exchange(ref _longestQueue, sessions.Count == 0 ? 0 : sessions.Max(session => session.PendingApplicationMessagesCount));
            await Task.Delay(_options.QueueCheckInterval, _timeProvider, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task HoldBackWhileSubscribersAreBehindAsync(InterceptingPublishEventArgs arguments)
    {
        while (LongestQueue >= _slowPublishersAt && !_stopping.IsCancellationRequested && !arguments.CancellationToken.IsCancellationRequested)
        {
            await Task.Delay(_options.QueueCheckInterval, _timeProvider, arguments.CancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}

using System.Buffers;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;
using UrbanSensing.Protocol;

namespace UrbanSensing.Ingestion.Mqtt;

/// <summary>
/// One MQTT 5 connection with its own stable client id and persistent session: subscribes to every device's
/// telemetry and status at QoS 1 (in the shared subscription group when there is one) and posts each message to
/// the <see cref="MessageInbox"/> unacknowledged; the pipeline acknowledges it once stored. Reconnects with
/// backoff for as long as it runs.
/// </summary>
internal sealed class MqttIngestionConnection : IAsyncDisposable
{
    private readonly string _clientId;
    private readonly MqttIngestionOptions _options;
    private readonly MessageInbox _inbox;
    private readonly TimeProvider _timeProvider;
    private readonly IngestionMetrics _metrics;
    private readonly ILogger _logger;
    private readonly IMqttClient _client;
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource _disconnected = NewSignal();
    private Task _supervisor = Task.CompletedTask;
    private volatile bool _accepting = true;
    private int _disposed;

    public MqttIngestionConnection(string clientId, MqttIngestionOptions options, MessageInbox inbox, IngestionMetrics metrics, TimeProvider timeProvider, ILogger logger)
    {
        _clientId = clientId;
        _metrics = metrics;
        _options = options;
        _inbox = inbox;
        _timeProvider = timeProvider;
        _logger = logger;
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
        _client.DisconnectedAsync += _ =>
        {
            _disconnected.TrySetResult();
            return Task.CompletedTask;
        };
    }

    public bool IsConnected => _client.IsConnected;

    /// <summary>Connects (retrying until it succeeds or is cancelled), subscribes, then keeps the connection up in the background.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await ConnectWithRetryAsync(cancellationToken).ConfigureAwait(false);
        _supervisor = SuperviseAsync(_stopping.Token);
    }

    /// <summary>Stops taking new messages; they stay unacknowledged at the broker for the next start.</summary>
    public void StopAccepting() => _accepting = false;

    /// <summary>Ends the connection cleanly; the broker keeps the session for <see cref="MqttIngestionOptions.SessionExpiry"/>.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        _accepting = false;
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _supervisor.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await StopAsync().ConfigureAwait(false);
        _client.Dispose();
        _stopping.Dispose();
    }

    private async Task SuperviseAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await _disconnected.Task.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            MqttIngestionLog.Disconnected(_logger, _clientId, _options.Host, _options.Port);
            await ConnectWithRetryAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task ConnectWithRetryAsync(CancellationToken cancellationToken)
    {
        var delay = _options.ReconnectInitialDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                _disconnected = NewSignal();
                var result = await _client.ConnectAsync(BuildClientOptions(), cancellationToken).ConfigureAwait(false);
                if (_options.SharedSubscriptionGroup is not null && !result.SharedSubscriptionAvailable)
                {
                    throw new NotSupportedException(
                        $"the broker at {_options.Host}:{_options.Port} does not support MQTT 5 shared subscriptions; unset Ingestion:Mqtt:SharedSubscriptionGroup and use one connection");
                }

                await _client.SubscribeAsync(BuildSubscription(), cancellationToken).ConfigureAwait(false);
                MqttIngestionLog.Connected(_logger, _options.Host, _options.Port, _clientId, result.IsSessionPresent);
                return;
            }
            catch (NotSupportedException)
            {
                throw;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                MqttIngestionLog.ConnectFailed(_logger, _clientId, _options.Host, _options.Port, attempt, delay, exception);
                await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
                delay = delay * 2 < _options.ReconnectMaxDelay ? delay * 2 : _options.ReconnectMaxDelay;
            }
        }
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs arguments)
    {
        arguments.AutoAcknowledge = false;
        if (!_accepting)
        {
            return;
        }

        var message = arguments.ApplicationMessage;
        _metrics.MessageReceived(message.Topic.EndsWith("/" + Topics.StatusLeaf, StringComparison.Ordinal) ? Topics.StatusLeaf : Topics.TelemetryLeaf);
        var inbound = new InboundMessage(
            message.Topic,
            message.Payload.ToArray(),
            message.ContentType,
            _timeProvider.GetUtcNow(),
            arguments.AcknowledgeAsync);
        try
        {
            await _inbox.PostAsync(inbound, _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or InvalidOperationException)
        {
            // Stopping: the message stays unacknowledged and the broker delivers it again next time.
        }
    }

    private MqttClientOptions BuildClientOptions()
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(_options.Host, _options.Port)
            .WithClientId(_clientId)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)_options.SessionExpiry.TotalSeconds)
            .WithKeepAlivePeriod(_options.KeepAlive)
            .WithReceiveMaximum(_options.ReceiveMaximum)
            .Build();

        // MQTTnet sets SO_RCVBUF to 8 KiB by default, which turns off the kernel's window autotuning: behind a broker
        // backlog the connection then moves one 8 KiB window per delayed ACK, about 40 messages a second.
        if (options.ChannelOptions is MqttClientTcpOptions tcp)
        {
            tcp.BufferSize = _options.SocketBufferBytes;
        }

        return options;
    }

    private MqttClientSubscribeOptions BuildSubscription()
    {
        var prefix = _options.SharedSubscriptionGroup is { } group ? $"$share/{group}/" : string.Empty;
        return new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(filter => filter.WithTopic(prefix + Topics.AllTelemetry).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .WithTopicFilter(filter => filter.WithTopic(prefix + Topics.AllStatus).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .Build();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

using System.Diagnostics;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using UrbanSensing.Bench.Shared;

namespace UrbanSensing.Bench.LoadGenerator;

/// <summary>
/// One MQTT 5 connection publishing for its share of the virtual devices, round robin, at QoS 1. At most
/// <c>maxInFlight</c> publishes wait for their PUBACK at once; at a fixed rate, messages are paced on a grid from
/// the common start so that a late message is sent as soon as possible rather than skipped.
/// </summary>
internal sealed class PublisherConnection : IDisposable
{
    private static readonly TimeSpan BrokerResponseTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MinimumPacingDelay = TimeSpan.FromMilliseconds(1);

    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly BrokerEndpoint _broker;
    private readonly string _clientId;
    private readonly string _contentType;
    private readonly IReadOnlyList<VirtualDevice> _devices;
    private readonly int _maxInFlight;
    private readonly SemaphoreSlim _inFlight;
    private readonly TimeProvider _timeProvider;
    private long _published;
    private long _acknowledged;
    private long _failed;
    private long _lastAcknowledgedTimestamp;

    public PublisherConnection(
        BrokerEndpoint broker,
        string clientId,
        string contentType,
        IReadOnlyList<VirtualDevice> devices,
        int maxInFlight,
        TimeProvider timeProvider)
    {
        _broker = broker;
        _clientId = clientId;
        _contentType = contentType;
        _devices = devices;
        _maxInFlight = maxInFlight;
        _inFlight = new SemaphoreSlim(maxInFlight, maxInFlight);
        _timeProvider = timeProvider;
    }

    public long Published => Interlocked.Read(ref _published);

    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Stopwatch timestamp of the last PUBACK, 0 before the first.</summary>
    public long LastAcknowledgedTimestamp => Interlocked.Read(ref _lastAcknowledgedTimestamp);

    public string? LastError { get; private set; }

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(_broker.Host, _broker.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(_clientId)
            .WithCleanStart()
            .WithTimeout(BrokerResponseTimeout)
            .Build();
        await _client.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Publishes from <paramref name="startTimestamp"/> until <paramref name="duration"/> has passed, then waits at
    /// most <paramref name="acknowledgementTimeout"/> for the outstanding acknowledgements.
    /// </summary>
    /// <param name="messagesPerSecond">This connection's rate; 0 publishes as fast as the in-flight bound allows.</param>
    public async Task RunAsync(
        long startTimestamp,
        TimeSpan duration,
        double messagesPerSecond,
        TimeSpan acknowledgementTimeout,
        CancellationToken cancellationToken)
    {
        var deviceIndex = 0;
        try
        {
            while (_client.IsConnected)
            {
                var elapsed = Stopwatch.GetElapsedTime(startTimestamp);
                if (elapsed >= duration)
                {
                    break;
                }

                if (messagesPerSecond > 0)
                {
                    var due = TimeSpan.FromSeconds(Published / messagesPerSecond);
                    if (due > elapsed)
                    {
                        var wait = due - elapsed;
                        var remaining = duration - elapsed;
                        await Task.Delay(wait < MinimumPacingDelay ? MinimumPacingDelay : wait < remaining ? wait : remaining, _timeProvider, cancellationToken).ConfigureAwait(false);
                        continue;
                    }
                }

                await _inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
                var device = _devices[deviceIndex];
                deviceIndex = (deviceIndex + 1) % _devices.Count;
                var message = new MqttApplicationMessageBuilder()
                    .WithTopic(device.Topic)
                    .WithPayload(device.NextPayload(_timeProvider.GetUtcNow()))
                    .WithContentType(_contentType)
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                    .Build();
                Interlocked.Increment(ref _published);
                _ = PublishAsync(message);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped early (Ctrl+C): what was sent is still waited for below.
        }

        await WaitForAcknowledgementsAsync(acknowledgementTimeout).ConfigureAwait(false);
    }

    public async Task DisconnectAsync()
    {
        if (_client.IsConnected)
        {
            using var timeout = new CancellationTokenSource(BrokerResponseTimeout);
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), timeout.Token).ConfigureAwait(false);
        }
    }

    // The semaphore is not disposed: a publish abandoned after the acknowledgement timeout may still release it.
    public void Dispose() => _client.Dispose();

    private async Task PublishAsync(MqttApplicationMessage message)
    {
        try
        {
            var result = await _client.PublishAsync(message, CancellationToken.None).ConfigureAwait(false);
            if (result.IsSuccess)
            {
                Interlocked.Increment(ref _acknowledged);
                Interlocked.Exchange(ref _lastAcknowledgedTimestamp, Stopwatch.GetTimestamp());
            }
            else
            {
                Interlocked.Increment(ref _failed);
                LastError = $"PUBACK {result.ReasonCode} {result.ReasonString}".TrimEnd();
            }
        }
        catch (Exception exception) when (exception is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException)
        {
            Interlocked.Increment(ref _failed);
            LastError = exception.Message;
        }
        finally
        {
            _inFlight.Release();
        }
    }

    /// <summary>Takes back every in-flight slot, that is, waits until each sent message is acknowledged or failed.</summary>
    private async Task WaitForAcknowledgementsAsync(TimeSpan timeout)
    {
        using var expiry = new CancellationTokenSource(timeout);
        try
        {
            for (var slot = 0; slot < _maxInFlight; slot++)
            {
                await _inFlight.WaitAsync(expiry.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            LastError ??= $"{Published - Acknowledged - Failed} publishes still unacknowledged after {timeout.TotalSeconds:0} s";
        }
    }
}

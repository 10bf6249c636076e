using System.Buffers;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using UrbanSensing.Protocol;

namespace UrbanSensing.Firmware.Mqtt;

/// <summary>
/// MQTT 5 link of one device (MQTTnet). The device connects with its id as client id and registers a retained
/// <c>offline</c> status as its last will, then announces itself <c>online</c> (retained). Telemetry goes out at
/// QoS 1 with its SenML content type, and a publish completes only when the broker acknowledged it with a success
/// reason code. A publish while disconnected reconnects first, with a short backoff.
/// </summary>
public sealed partial class MqttDeviceTransport : IDeviceTransport, IDisposable
{
    private const string StatusContentType = "application/json";
    private const int ConnectAttempts = 3;
    private static readonly TimeSpan FirstReconnectDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan BrokerResponseTimeout = TimeSpan.FromSeconds(10);

    private readonly MqttTransportOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<MqttDeviceTransport> _logger;
    private readonly IMqttClient _client;
    private readonly MqttClientOptions _clientOptions;
    private readonly SemaphoreSlim _connectionLock = new(1, 1);
    private readonly string _telemetryTopic;
    private readonly string _statusTopic;

    /// <exception cref="ValidationException">The options are invalid; the message names the option.</exception>
    public MqttDeviceTransport(MqttTransportOptions options, TimeProvider timeProvider, ILogger<MqttDeviceTransport> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _telemetryTopic = Topics.Telemetry(options.DeviceId);
        _statusTopic = Topics.Status(options.DeviceId);
        _client = new MqttClientFactory().CreateMqttClient();
        _clientOptions = new MqttClientOptionsBuilder()
            .WithTcpServer(options.Host, options.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(options.DeviceId)
            .WithCleanStart()
            .WithTimeout(BrokerResponseTimeout)
            .WithWillTopic(_statusTopic)
            .WithWillPayload(Status(DeviceState.Offline).ToJson())
            .WithWillContentType(StatusContentType)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithWillRetain()
            .Build();
    }

    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        await _connectionLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_client.IsConnected)
            {
                await ConnectAndAnnounceAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _connectionLock.Release();
        }
    }

    /// <exception cref="PublishRejectedException">The broker acknowledged with a failure reason code.</exception>
    /// <exception cref="MQTTnet.Exceptions.MqttCommunicationException">The broker could not be reached or did not answer in time.</exception>
    public async Task PublishTelemetryAsync(ReadOnlyMemory<byte> payload, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        if (!_client.IsConnected)
        {
            await ReconnectAsync(cancellationToken).ConfigureAwait(false);
        }

        var message = new MqttApplicationMessageBuilder()
            .WithTopic(_telemetryTopic)
            .WithPayload(new ReadOnlySequence<byte>(payload))
            .WithContentType(contentType)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        await PublishAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Announces <c>offline</c> and disconnects cleanly; a clean disconnect discards the last will, so the device says it itself.</summary>
    public async Task DisconnectAsync(CancellationToken cancellationToken = default)
    {
        await _connectionLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_client.IsConnected)
            {
                return;
            }

            await PublishStatusAsync(DeviceState.Offline, cancellationToken).ConfigureAwait(false);
            var disconnect = new MqttClientDisconnectOptionsBuilder()
                .WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection)
                .Build();
            await _client.DisconnectAsync(disconnect, cancellationToken).ConfigureAwait(false);
            LogDisconnected(_options.DeviceId);
        }
        finally
        {
            _connectionLock.Release();
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _connectionLock.Dispose();
    }

    private async Task ReconnectAsync(CancellationToken cancellationToken)
    {
        await _connectionLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var delay = FirstReconnectDelay;
            for (var attempt = 1; !_client.IsConnected; attempt++)
            {
                try
                {
                    await ConnectAndAnnounceAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (attempt < ConnectAttempts && exception is not OperationCanceledException)
                {
                    LogReconnectFailed(_options.DeviceId, attempt, delay, exception);
                    await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
                    delay *= 2;
                }
            }
        }
        finally
        {
            _connectionLock.Release();
        }
    }

    private async Task ConnectAndAnnounceAsync(CancellationToken cancellationToken)
    {
        await _client.ConnectAsync(_clientOptions, cancellationToken).ConfigureAwait(false);
        await PublishStatusAsync(DeviceState.Online, cancellationToken).ConfigureAwait(false);
        LogConnected(_options.DeviceId, _options.Host, _options.Port);
    }

    private Task PublishStatusAsync(DeviceState state, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(_statusTopic)
            .WithPayload(Status(state).ToJson())
            .WithContentType(StatusContentType)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag()
            .Build();
        return PublishAsync(message, cancellationToken);
    }

    private async Task PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        var result = await _client.PublishAsync(message, cancellationToken).ConfigureAwait(false);

        // MQTT 5 reason codes below 0x80 are successes, including "no matching subscribers" (0x10).
        if (!result.IsSuccess)
        {
            throw new PublishRejectedException(
                $"the broker rejected the message on '{message.Topic}': {result.ReasonCode} {result.ReasonString}".TrimEnd());
        }
    }

    private DeviceStatus Status(DeviceState state) =>
        new(state, _options.Site, _options.Latitude, _options.Longitude, _options.FirmwareVersion);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Device}: connected to {Host}:{Port} and announced online")]
    private partial void LogConnected(string device, string host, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Device}: reconnect attempt {Attempt} failed; retrying in {Delay}")]
    private partial void LogReconnectFailed(string device, int attempt, TimeSpan delay, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Device}: announced offline and disconnected")]
    private partial void LogDisconnected(string device);
}

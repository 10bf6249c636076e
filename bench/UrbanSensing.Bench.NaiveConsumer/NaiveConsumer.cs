using System.Buffers;
using InfluxDB.Client;
using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Writes;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using UrbanSensing.Bench.Shared;
using UrbanSensing.Protocol;
using UrbanSensing.Protocol.Senml;

namespace UrbanSensing.Bench.NaiveConsumer;

/// <summary>
/// The straightforward way: one MQTT client whose message handler decodes the pack and writes its readings with
/// InfluxDB.Client, one awaited HTTP write per message; MQTTnet acknowledges each message when the handler returns.
/// Points follow the store schema: measurement = the quantity's domain, tags device, sensor and quantity, field value.
/// </summary>
internal sealed class NaiveConsumer : IDisposable
{
    private const string ValueField = "value";

    private readonly IMqttClient _mqtt = new MqttClientFactory().CreateMqttClient();
    private readonly InfluxDBClient _influx;
    private readonly WriteApiAsync _writeApi;
    private readonly BrokerEndpoint _broker;
    private readonly string _clientId;
    private readonly string _bucket;
    private readonly string _organization;
    private readonly TimeProvider _timeProvider;
    private readonly LatencyHistogram _latency = new();
    private long _messages;
    private long _readingsWritten;
    private long _rejected;
    private long _writeFailures;
    private DateTimeOffset? _firstWrite;
    private DateTimeOffset? _lastWrite;
    private string? _lastError;

    public NaiveConsumer(BrokerEndpoint broker, string clientId, Uri influxUrl, string bucket, string organization, TimeProvider timeProvider)
    {
        _broker = broker;
        _clientId = clientId;
        _bucket = bucket;
        _organization = organization;
        _timeProvider = timeProvider;
        _influx = new InfluxDBClient(influxUrl.ToString(), "bench");
        _writeApi = _influx.GetWriteApiAsync();
        _mqtt.ApplicationMessageReceivedAsync += OnMessageAsync;
    }

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(_broker.Host, _broker.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(_clientId)
            .WithCleanStart()
            .Build();
        await _mqtt.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
        var subscription = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(filter => filter.WithTopic(Topics.AllTelemetry).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .Build();
        await _mqtt.SubscribeAsync(subscription, cancellationToken).ConfigureAwait(false);
    }

    public async Task DisconnectAsync(CancellationToken cancellationToken)
    {
        if (_mqtt.IsConnected)
        {
            await _mqtt.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), cancellationToken).ConfigureAwait(false);
        }
    }

    public ConsumerSummary Summary() => new(
        Interlocked.Read(ref _messages),
        Interlocked.Read(ref _readingsWritten),
        Interlocked.Read(ref _rejected),
        Interlocked.Read(ref _writeFailures),
        _latency.Percentile(0.50),
        _latency.Percentile(0.99),
        _firstWrite,
        _lastWrite,
        _lastError);

    public void Dispose()
    {
        _mqtt.Dispose();
        _influx.Dispose();
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs arguments)
    {
        Interlocked.Increment(ref _messages);
        var message = arguments.ApplicationMessage;
        IReadOnlyList<Reading> readings;
        try
        {
            readings = SenmlReadings.FromPack(SenmlPayload.Decode(message.Payload.ToArray(), message.ContentType), _timeProvider.GetUtcNow());
        }
        catch (SenmlFormatException exception)
        {
            Interlocked.Increment(ref _rejected);
            _lastError = exception.Message;
            return;
        }

        var points = new List<PointData>(readings.Count);
        foreach (var reading in readings)
        {
            points.Add(PointData.Measurement(reading.Quantity.Domain.ToString().ToLowerInvariant())
                .Tag("device", reading.DeviceId)
                .Tag("sensor", reading.Sensor)
                .Tag("quantity", reading.Quantity.Name)
                .Field(ValueField, reading.Value)
                .Timestamp(reading.Timestamp, WritePrecision.Ms));
        }

        try
        {
            await _writeApi.WritePointsAsync(points, _bucket, _organization, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or InfluxDB.Client.Core.Exceptions.InfluxException or TaskCanceledException)
        {
            Interlocked.Increment(ref _writeFailures);
            _lastError = exception.Message;
            return;
        }

        var written = _timeProvider.GetUtcNow();
        _firstWrite ??= written;
        _lastWrite = written;
        Interlocked.Add(ref _readingsWritten, readings.Count);
        _latency.Record(written - readings[0].Timestamp, readings.Count);
    }
}

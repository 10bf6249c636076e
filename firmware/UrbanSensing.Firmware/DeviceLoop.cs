using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Logging;
using UrbanSensing.Protocol;
using UrbanSensing.Protocol.Senml;

namespace UrbanSensing.Firmware;

/// <summary>
/// The device's main loop. Every sampling interval it reads every sensor, stamps the samples with the device clock
/// and the next sequence numbers and, once a pack is full, puts one SenML message into a bounded outbox. A publisher
/// drains the outbox in order, keeping each message until the broker acknowledged it, so a slow or absent broker
/// never holds up sampling: the outbox drops its oldest message instead.
/// </summary>
public sealed partial class DeviceLoop
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    private readonly DeviceLoopOptions _options;
    private readonly ISensor[] _sensors;
    private readonly IDeviceTransport _transport;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<DeviceLoop> _logger;
    private readonly string _contentType;

    /// <exception cref="ValidationException">The options are invalid; the message names the option.</exception>
    public DeviceLoop(
        DeviceLoopOptions options,
        IEnumerable<ISensor> sensors,
        IDeviceTransport transport,
        TimeProvider timeProvider,
        ILogger<DeviceLoop> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sensors);
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        _sensors = [.. sensors];
        if (_sensors.Length == 0)
        {
            throw new ArgumentException("a device needs at least one sensor", nameof(sensors));
        }

        foreach (var sensor in _sensors)
        {
            if (!Identifiers.IsValid(sensor.Id))
            {
                throw new ArgumentException($"sensor {Identifiers.Describe(sensor.Id)}", nameof(sensors));
            }
        }

        _options = options;
        _transport = transport;
        _timeProvider = timeProvider;
        _logger = logger;
        _contentType = SenmlPayload.ContentType(options.Representation);
    }

    /// <summary>
    /// Samples until <see cref="DeviceLoopOptions.MaxReadings"/> readings are produced or the token is cancelled,
    /// then publishes what is left: all of it after the last reading, for at most
    /// <see cref="DeviceLoopOptions.ShutdownGracePeriod"/> after cancellation.
    /// </summary>
    public async Task<DeviceReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var outbox = new Outbox(_options.OutboxCapacity, OnMessageDropped);
        using var stopPublishing = new CancellationTokenSource();
        var publishing = PublishAsync(outbox, stopPublishing.Token);
        Sampling sampling;
        try
        {
            sampling = await SampleAsync(outbox, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            outbox.Complete();
            await stopPublishing.CancelAsync().ConfigureAwait(false);
            await ((Task)publishing).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        outbox.Complete();
        var published = await FinishPublishingAsync(publishing, stopPublishing, cancellationToken).ConfigureAwait(false);
        await DisconnectAsync(stopPublishing.Token).ConfigureAwait(false);

        var report = new DeviceReport(
            _options.DeviceId,
            sampling.Readings,
            published.Readings,
            published.Messages,
            outbox.DroppedMessages,
            sampling.SensorErrors);
        LogStopped(_options.DeviceId, report);
        return report;
    }

    private async Task<Sampling> SampleAsync(Outbox outbox, CancellationToken cancellationToken)
    {
        var pending = new List<Reading>(_options.ReadingsPerMessage);
        var limit = _options.MaxReadings ?? long.MaxValue;
        var sequence = _options.FirstSequence;
        long produced = 0;
        long sensorErrors = 0;
        try
        {
            // Created before the first round so that rounds stay on a fixed grid however long a round takes.
            using var timer = new PeriodicTimer(_options.SamplingInterval, _timeProvider);
            do
            {
                // Every reading of a round carries the round's time: the instant the device decided to sample.
                var timestamp = TruncateToMicroseconds(_timeProvider.GetUtcNow());
                foreach (var sensor in _sensors)
                {
                    if (produced == limit)
                    {
                        break;
                    }

                    var samples = await ReadAsync(sensor, cancellationToken).ConfigureAwait(false);
                    if (samples is null)
                    {
                        sensorErrors++;
                        continue;
                    }

                    foreach (var sample in samples)
                    {
                        if (produced == limit)
                        {
                            break;
                        }

                        pending.Add(new Reading(_options.DeviceId, sensor.Id, sample.Quantity, timestamp, sample.Value, sequence++));
                        produced++;
                        if (pending.Count == _options.ReadingsPerMessage)
                        {
                            outbox.Post(Pack(pending));
                        }
                    }
                }
            }
            while (produced < limit && await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogSamplingCancelled(_options.DeviceId, produced);
        }

        if (pending.Count > 0)
        {
            outbox.Post(Pack(pending));
        }

        return new Sampling(produced, sensorErrors);
    }

    /// <returns>The samples, or <see langword="null"/> when the read failed.</returns>
    private async Task<IReadOnlyList<SensorSample>?> ReadAsync(ISensor sensor, CancellationToken cancellationToken)
    {
        IReadOnlyList<SensorSample> samples;
        try
        {
            samples = await sensor.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SensorReadException exception)
        {
            LogSensorReadFailed(_options.DeviceId, sensor.Id, exception);
            return null;
        }

        foreach (var sample in samples)
        {
            // The wire must never carry NaN or infinity, whatever a driver returns.
            if (!double.IsFinite(sample.Value))
            {
                LogSensorValueNotFinite(_options.DeviceId, sensor.Id, sample.Quantity.Name, sample.Value);
                return null;
            }
        }

        return samples;
    }

    private OutboxMessage Pack(List<Reading> pending)
    {
        var payload = SenmlPayload.Encode(SenmlReadings.ToPack(pending), _options.Representation);
        var message = new OutboxMessage(payload, pending.Count, pending[0].Sequence!.Value, pending[^1].Sequence!.Value);
        pending.Clear();
        return message;
    }

    private void OnMessageDropped(OutboxMessage message) =>
        LogMessageDropped(_options.DeviceId, message.ReadingCount, message.FirstSequence, message.LastSequence);

    private async Task<Publishing> PublishAsync(Outbox outbox, CancellationToken cancellationToken)
    {
        long messages = 0;
        long readings = 0;
        OutboxMessage? inFlight = null;
        try
        {
            await WithRetryAsync(_transport.ConnectAsync, "connect", cancellationToken).ConfigureAwait(false);
            while (await outbox.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (outbox.Reader.TryRead(out inFlight))
                {
                    var message = inFlight;
                    await WithRetryAsync(
                        token => _transport.PublishTelemetryAsync(message.Payload, _contentType, token),
                        "publish",
                        cancellationToken).ConfigureAwait(false);
                    messages++;
                    readings += message.ReadingCount;
                    inFlight = null;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogGaveUp(_options.DeviceId, outbox.Reader.Count + (inFlight is null ? 0 : 1));
        }

        return new Publishing(messages, readings);
    }

    private async Task WithRetryAsync(Func<CancellationToken, Task> operation, string what, CancellationToken cancellationToken)
    {
        var delay = _options.RetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await operation(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogRetrying(_options.DeviceId, what, attempt, delay, exception);
            }

            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
            delay = delay * 2 < _options.MaxRetryDelay ? delay * 2 : _options.MaxRetryDelay;
        }
    }

    private async Task<Publishing> FinishPublishingAsync(
        Task<Publishing> publishing,
        CancellationTokenSource stopPublishing,
        CancellationToken cancellationToken)
    {
        try
        {
            return await publishing.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            try
            {
                // The caller's token is already cancelled: the grace period is what bounds this wait.
                return await publishing.WaitAsync(_options.ShutdownGracePeriod, _timeProvider, CancellationToken.None).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                await stopPublishing.CancelAsync().ConfigureAwait(false);
                return await publishing.ConfigureAwait(false);
            }
        }
    }

    /// <param name="cancellationToken">Cancelled when the loop gave up publishing: the device then just goes away and its last will speaks for it.</param>
    private async Task DisconnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _transport.DisconnectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || cancellationToken.IsCancellationRequested)
        {
            LogDisconnectFailed(_options.DeviceId, exception);
        }
    }

    private static DateTimeOffset TruncateToMicroseconds(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TicksPerMicrosecond), TimeSpan.Zero);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Device}: Reading sensor {Sensor} failed; the round goes on without it")]
    private partial void LogSensorReadFailed(string device, string sensor, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Device}: Sensor {Sensor} returned {Value} for {Quantity}; the read is discarded")]
    private partial void LogSensorValueNotFinite(string device, string sensor, string quantity, double value);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Device}: Outbox full: dropped the oldest message, {Readings} readings with sequences {FirstSequence} to {LastSequence}")]
    private partial void LogMessageDropped(string device, int readings, long firstSequence, long lastSequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Device}: Attempt {Attempt} to {Operation} failed; retrying in {Delay}")]
    private partial void LogRetrying(string device, string operation, int attempt, TimeSpan delay, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Device}: Sampling cancelled after {Readings} readings")]
    private partial void LogSamplingCancelled(string device, long readings);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Device}: Shutdown grace period over: gave up with {Messages} messages unpublished")]
    private partial void LogGaveUp(string device, int messages);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Device}: Disconnecting failed")]
    private partial void LogDisconnectFailed(string device, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Device}: Device loop stopped: {Report}")]
    private partial void LogStopped(string device, DeviceReport report);

    private readonly record struct Sampling(long Readings, long SensorErrors);

    private readonly record struct Publishing(long Messages, long Readings);
}

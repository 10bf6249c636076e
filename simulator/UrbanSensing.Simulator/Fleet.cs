using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Logging;
using UrbanSensing.Firmware;
using UrbanSensing.Registry;
using UrbanSensing.Simulator.Time;

namespace UrbanSensing.Simulator;

/// <summary>
/// A fleet of simulated devices, each a real <see cref="DeviceLoop"/> with simulated sensors, all on one scaled
/// clock, laid out from the registry by <see cref="FleetPlan"/>. Disposing the fleet disposes the transports it was
/// given.
/// </summary>
/// <remarks>
/// Every device runs from the start whatever its installation dates: ingestion flags the readings taken outside them
/// as unregistered, which is what the flag is for, and a run that crosses an installation date needs no restart.
/// </remarks>
public sealed partial class Fleet : IDisposable
{
    // Retries and the shutdown grace are meant in wall-clock time, whatever the time scale: a broker that is down
    // for a second is down for a second.
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ShutdownGracePeriod = TimeSpan.FromSeconds(5);

    private readonly DeviceLoop[] _loops;
    private readonly IDeviceTransport[] _transports;
    private readonly ILogger<Fleet> _logger;

    private Fleet(IReadOnlyList<SimulatedDevice> devices, DeviceLoop[] loops, IDeviceTransport[] transports, ScaledTimeProvider clock, ILogger<Fleet> logger)
    {
        Devices = devices;
        _loops = loops;
        _transports = transports;
        Clock = clock;
        _logger = logger;
    }

    public IReadOnlyList<SimulatedDevice> Devices { get; }

    /// <summary>The simulated clock every device reads.</summary>
    public ScaledTimeProvider Clock { get; }

    /// <param name="registry">Where the devices stand and which sensors they carry.</param>
    /// <param name="transportFactory">Makes each device's link to the broker, for example <see cref="MqttFleetTransport.Factory"/>.</param>
    /// <param name="timeProvider">The clock simulated time is scaled from, usually <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ValidationException">The options are invalid; the message names the option.</exception>
    /// <exception cref="ArgumentException">
    /// The device count needs devices the registry does not have and every site of the registry is a reference, so there
    /// is nowhere to put them.
    /// </exception>
    public static Fleet Create(
        FleetOptions options,
        SensorRegistry registry,
        Func<SimulatedDevice, IDeviceTransport> transportFactory,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(transportFactory);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);

        var clock = new ScaledTimeProvider(timeProvider, options.Start ?? timeProvider.GetUtcNow(), options.TimeScale);
        var plan = FleetPlan.Create(options, registry);
        var devices = plan.Devices;
        var transports = new IDeviceTransport[devices.Count];
        var loops = new DeviceLoop[devices.Count];
        var loopLogger = loggerFactory.CreateLogger<DeviceLoop>();
        var fleet = new Fleet(devices, loops, transports, clock, loggerFactory.CreateLogger<Fleet>());
        fleet.LogPlan(plan);
        try
        {
            for (var index = 0; index < devices.Count; index++)
            {
                var device = devices[index];
                transports[index] = transportFactory(device);
                var loopOptions = new DeviceLoopOptions
                {
                    DeviceId = device.Id,
                    SamplingInterval = options.SamplingInterval,
                    ReadingsPerMessage = options.ReadingsPerMessage,
                    Representation = device.Representation,
                    MaxReadings = options.ReadingsPerDevice,
                    RetryDelay = RetryDelay * options.TimeScale,
                    MaxRetryDelay = MaxRetryDelay * options.TimeScale,
                    ShutdownGracePeriod = ShutdownGracePeriod * options.TimeScale,
                };
                loops[index] = new DeviceLoop(loopOptions, device.CreateSensors(clock), transports[index], clock, loopLogger);
            }
        }
        catch
        {
            fleet.Dispose();
            throw;
        }

        return fleet;
    }

    /// <summary>Runs every device at once until each has produced its readings or the token is cancelled.</summary>
    public async Task<FleetReport> RunAsync(CancellationToken cancellationToken = default)
    {
        LogStarting(Devices.Count, Clock.Start, Clock.Scale);
        var reports = await Task.WhenAll(_loops.Select(loop => loop.RunAsync(cancellationToken))).ConfigureAwait(false);
        var report = new FleetReport(reports);
        LogFinished(report.ReadingsProduced, report.ReadingsPublished, report.MessagesDropped, report.SensorErrors);
        return report;
    }

    public void Dispose()
    {
        foreach (var transport in _transports)
        {
            // Null where creation failed part-way.
            (transport as IDisposable)?.Dispose();
        }
    }

    private void LogPlan(FleetPlan plan)
    {
        foreach (var skipped in plan.SkippedDevices)
        {
            LogDeviceSkipped(skipped.DeviceId, skipped.Reason);
        }

        foreach (var sensor in plan.UnsimulatedSensors)
        {
            LogSensorNotSimulated(sensor.DeviceId, sensor.SensorName, sensor.Reason);
        }

        var unregistered = plan.Devices.Where(device => !device.IsRegistered).ToList();
        if (unregistered.Count > 0)
        {
            LogUnregisteredDevices(unregistered.Count, unregistered[0].Id, unregistered[^1].Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registry device {DeviceId} is not simulated: {Reason}")]
    private partial void LogDeviceSkipped(string deviceId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registry device {DeviceId} is simulated without its sensor {Sensor}, which gives no readings: {Reason}")]
    private partial void LogSensorNotSimulated(string deviceId, string sensor, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} simulated devices, {FirstDeviceId} to {LastDeviceId}, are not in the registry: ingestion flags their readings as unregistered")]
    private partial void LogUnregisteredDevices(int count, string firstDeviceId, string lastDeviceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting {Devices} simulated devices at {Start:O}, time scale {Scale}")]
    private partial void LogStarting(int devices, DateTimeOffset start, double scale);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fleet finished: {Produced} readings produced, {Published} published, {Dropped} messages dropped, {SensorErrors} sensor errors")]
    private partial void LogFinished(long produced, long published, long dropped, long sensorErrors);
}

using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using UrbanSensing.Firmware.Tests.Fakes;
using UrbanSensing.Firmware.Tests.Mqtt;
using UrbanSensing.Protocol;
using UrbanSensing.Protocol.Senml;
using UrbanSensing.Registry;
using static UrbanSensing.Simulator.Tests.TestRegistry;

namespace UrbanSensing.Simulator.Tests;

public sealed class FleetTests
{
    private static readonly DateTimeOffset Start = new(2025, 7, 15, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Create_TooManyDevices_ThrowsNamingTheOption()
    {
        var registry = await LilleRegistry.LoadAsync();

        var exception = Assert.Throws<ValidationException>(() => Fleet.Create(
            new FleetOptions { DeviceCount = 10_001 },
            registry,
            _ => throw new InvalidOperationException("no transport expected"),
            TimeProvider.System,
            NullLoggerFactory.Instance));

        Assert.Contains(nameof(FleetOptions.DeviceCount), exception.ValidationResult.MemberNames);
    }

    [Fact]
    public async Task RunAsync_NoDevices_ReturnsAnEmptyReport()
    {
        var registry = await LilleRegistry.LoadAsync();
        using var fleet = Fleet.Create(
            new FleetOptions { DeviceCount = 0 },
            registry,
            _ => throw new InvalidOperationException("no transport expected"),
            TimeProvider.System,
            NullLoggerFactory.Instance);

        var report = await fleet.RunAsync(TestContext.Current.CancellationToken);

        Assert.Empty(report.Devices);
        Assert.Equal(0, report.ReadingsPublished);
    }

    [Fact]
    public async Task RunAsync_FiveDevicesAgainstTheBroker_DeliversEveryReadingWithContiguousSequences()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var registry = await LilleRegistry.LoadAsync();
        await using var broker = await InProcessBroker.StartAsync();
        await using var telemetry = await BrokerSubscriber.ConnectAsync(broker.Port, Topics.AllTelemetry, cancellationToken);
        var options = new FleetOptions
        {
            DeviceCount = 5,
            ReadingsPerDevice = 20,
            TimeScale = 1000,
            Start = Start,
            AlternateRepresentations = true,
        };
        using var fleet = Fleet.Create(options, registry, MqttFleetTransport.Factory("127.0.0.1", broker.Port, NullLoggerFactory.Instance), TimeProvider.System, NullLoggerFactory.Instance);

        var report = await fleet.RunAsync(cancellationToken);

        Assert.Equal((100, 100, 0, 0), (report.ReadingsProduced, report.ReadingsPublished, report.MessagesDropped, report.SensorErrors));
        var readings = new List<Reading>();
        var contentTypes = new HashSet<string?>();
        while (readings.Count < 100)
        {
            var message = await telemetry.NextAsync(cancellationToken);
            contentTypes.Add(message.ContentType);
            readings.AddRange(SenmlReadings.FromPack(SenmlPayload.Decode(message.Payload, message.ContentType), Start));
        }

        Assert.Equal(100, readings.Count);
        Assert.Empty(telemetry.TakeAll());
        Assert.Equal(new HashSet<string?> { SenmlJson.ContentType, SenmlCbor.ContentType }, contentTypes);
        Assert.Equal(["lille-0001", "lille-0002", "lille-0003", "lille-0004", "lille-0005"], readings.Select(reading => reading.DeviceId).Distinct().Order());
        Assert.All(readings.GroupBy(reading => reading.DeviceId), device =>
            Assert.Equal(Enumerable.Range(0, 20).Select(sequence => (long?)sequence), device.Select(reading => reading.Sequence).Order()));
        Assert.All(readings, reading => Assert.InRange(reading.Timestamp, Start, Start.AddDays(1)));
        Assert.All(readings, reading => Assert.True(
            registry.TryGetCalibration(reading.DeviceId, reading.Sensor, reading.Quantity, reading.Timestamp, out _),
            $"{reading.DeviceId} {reading.Sensor} {reading.Quantity} is not in the registry"));
    }

    [Fact]
    public async Task RunAsync_AfterTheLastReading_EveryDeviceLeavesItsOfflineStatusWithItsRegistrySite()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var registry = await LilleRegistry.LoadAsync();
        await using var broker = await InProcessBroker.StartAsync();
        var options = new FleetOptions { DeviceCount = 3, ReadingsPerDevice = 4, TimeScale = 1000, Start = Start };
        using var fleet = Fleet.Create(options, registry, MqttFleetTransport.Factory("127.0.0.1", broker.Port, NullLoggerFactory.Instance), TimeProvider.System, NullLoggerFactory.Instance);

        await fleet.RunAsync(cancellationToken);
        await using var status = await BrokerSubscriber.ConnectAsync(broker.Port, Topics.AllStatus, cancellationToken);

        var statuses = new Dictionary<string, DeviceStatus>();
        while (statuses.Count < 3)
        {
            var message = await status.NextAsync(cancellationToken);
            Assert.True(message.Retain);
            Assert.True(Topics.TryParse(message.Topic, out var deviceId, out _));
            statuses[deviceId] = DeviceStatus.FromJson(message.Payload);
        }

        Assert.Equal(["lille-0001", "lille-0002", "lille-0003"], statuses.Keys.Order());
        Assert.All(statuses, pair =>
        {
            Assert.True(registry.TryGetDevice(pair.Key, out var device));
            Assert.Equal(
                new DeviceStatus(DeviceState.Offline, device.Site.Id, device.Site.Latitude, device.Site.Longitude, MqttFleetTransport.FirmwareVersion),
                pair.Value);
        });
    }

    [Fact]
    public async Task RunAsync_StartBeforeTheDevicesAreInstalled_SimulatesThemAnyway()
    {
        var registry = await LilleRegistry.LoadAsync();
        var beforeInstallation = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var transports = new List<RecordingTransport>();
        var options = new FleetOptions { DeviceCount = 23, ReadingsPerDevice = 3, ReadingsPerMessage = 3, TimeScale = 1000, Start = beforeInstallation };
        using var fleet = Fleet.Create(options, registry, _ => Record(transports), TimeProvider.System, NullLoggerFactory.Instance);

        var report = await fleet.RunAsync(TestContext.Current.CancellationToken);

        var readings = transports
            .SelectMany(transport => transport.Delivered)
            .SelectMany(message => SenmlReadings.FromPack(SenmlPayload.Decode(message.Payload, message.ContentType), beforeInstallation))
            .ToList();
        Assert.Equal(69, report.ReadingsPublished);
        Assert.Equal(registry.Devices.Select(device => device.Id).Order(), readings.Select(reading => reading.DeviceId).Distinct().Order());
        Assert.All(readings, reading => Assert.False(registry.IsActive(reading.DeviceId, reading.Timestamp), reading.DeviceId));
    }

    [Fact]
    public void Create_RegistryTheSimulatorCannotFollowEntirely_LogsTheDevicesAndSensorsItLeavesOutAndTheUnregisteredDevices()
    {
        var site = Site("fives", LocalClimateZone.CompactLowRise);
        var registry = new SensorRegistry(
            [site],
            [
                Device("pressure-only", site, Sensor("bme280", Quantities.AirPressure)),
                Device("lille-0001", site, Air(), Sensor("sps30", Quantities.Pm25)),
            ]);
        using var logs = new FakeLoggerProvider();
        using var loggerFactory = new LoggerFactory([logs]);

        using var fleet = Fleet.Create(new FleetOptions { DeviceCount = 4 }, registry, _ => new RecordingTransport(), TimeProvider.System, loggerFactory);

        var warnings = logs.Collector.GetSnapshot().Where(log => log.Level == LogLevel.Warning).Select(log => log.Message).ToList();
        Assert.Equal(3, warnings.Count);
        Assert.StartsWith("Registry device pressure-only is not simulated: none of its sensors can be simulated (bme280: ", warnings[0], StringComparison.Ordinal);
        Assert.StartsWith("Registry device lille-0001 is simulated without its sensor sps30", warnings[1], StringComparison.Ordinal);
        Assert.Equal("3 simulated devices, lille-0002 to lille-0004, are not in the registry: ingestion flags their readings as unregistered", warnings[2]);
    }

    private static RecordingTransport Record(List<RecordingTransport> transports)
    {
        var transport = new RecordingTransport();
        transports.Add(transport);
        return transport;
    }
}

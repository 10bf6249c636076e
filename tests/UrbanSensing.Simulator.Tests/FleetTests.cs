using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Logging.Abstractions;
using UrbanSensing.Firmware.Tests.Mqtt;
using UrbanSensing.Protocol;
using UrbanSensing.Protocol.Senml;

namespace UrbanSensing.Simulator.Tests;

public sealed class FleetTests
{
    private static readonly DateTimeOffset Start = new(2025, 7, 15, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_TooManyDevices_ThrowsNamingTheOption()
    {
        var exception = Assert.Throws<ValidationException>(() => Fleet.Create(
            new FleetOptions { DeviceCount = 10_001 },
            _ => throw new InvalidOperationException("no transport expected"),
            TimeProvider.System,
            NullLoggerFactory.Instance));

        Assert.Contains(nameof(FleetOptions.DeviceCount), exception.ValidationResult.MemberNames);
    }

    [Fact]
    public async Task RunAsync_NoDevices_ReturnsAnEmptyReport()
    {
        using var fleet = Fleet.Create(
            new FleetOptions { DeviceCount = 0 },
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
        using var fleet = Fleet.Create(options, MqttFleetTransport.Factory("127.0.0.1", broker.Port, NullLoggerFactory.Instance), TimeProvider.System, NullLoggerFactory.Instance);

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
        Assert.Equal(fleet.Devices.Select(device => device.Id).Order(), readings.Select(reading => reading.DeviceId).Distinct().Order());
        Assert.All(readings.GroupBy(reading => reading.DeviceId), device =>
            Assert.Equal(Enumerable.Range(0, 20).Select(sequence => (long?)sequence), device.Select(reading => reading.Sequence).Order()));
        Assert.All(readings, reading => Assert.InRange(reading.Timestamp, Start, Start.AddDays(1)));
    }

    [Fact]
    public async Task RunAsync_AfterTheLastReading_EveryDeviceLeavesItsOfflineStatusWithItsSite()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var broker = await InProcessBroker.StartAsync();
        var options = new FleetOptions { DeviceCount = 3, ReadingsPerDevice = 4, TimeScale = 1000, Start = Start };
        using var fleet = Fleet.Create(options, MqttFleetTransport.Factory("127.0.0.1", broker.Port, NullLoggerFactory.Instance), TimeProvider.System, NullLoggerFactory.Instance);

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

        Assert.All(fleet.Devices, device => Assert.Equal(
            new DeviceStatus(DeviceState.Offline, device.Site.Id, device.Latitude, device.Longitude, MqttFleetTransport.FirmwareVersion),
            statuses[device.Id]));
    }
}

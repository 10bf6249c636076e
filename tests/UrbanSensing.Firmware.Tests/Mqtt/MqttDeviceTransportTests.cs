using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet.Protocol;
using UrbanSensing.Firmware.Mqtt;
using UrbanSensing.Protocol;
using UrbanSensing.Protocol.Senml;

namespace UrbanSensing.Firmware.Tests.Mqtt;

public sealed class MqttDeviceTransportTests
{
    private const string DeviceId = "wazemmes-03";
    private static readonly DateTimeOffset Measured = new(2025, 7, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task PublishTelemetryAsync_Connected_DeliversSenmlAtQos1WithItsContentType()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var broker = await InProcessBroker.StartAsync();
        await using var telemetry = await BrokerSubscriber.ConnectAsync(broker.Port, Topics.AllTelemetry, cancellationToken);
        using var transport = CreateTransport(broker.Port);
        var readings = Readings();

        await transport.ConnectAsync(cancellationToken);
        await transport.PublishTelemetryAsync(SenmlPayload.Encode(SenmlReadings.ToPack(readings), SenmlRepresentation.Cbor), SenmlCbor.ContentType, cancellationToken);

        var message = await telemetry.NextAsync(cancellationToken);
        Assert.Equal(Topics.Telemetry(DeviceId), message.Topic);
        Assert.Equal(SenmlCbor.ContentType, message.ContentType);
        Assert.Equal((int)MqttQualityOfServiceLevel.AtLeastOnce, message.QualityOfService);
        Assert.Equal(readings, SenmlReadings.FromPack(SenmlPayload.Decode(message.Payload, message.ContentType), Measured));
    }

    [Fact]
    public async Task ConnectAsync_AnnouncesOnlineStatusRetainedWithTheDeviceDescription()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var broker = await InProcessBroker.StartAsync();
        using var transport = CreateTransport(broker.Port);

        await transport.ConnectAsync(cancellationToken);
        await using var status = await BrokerSubscriber.ConnectAsync(broker.Port, Topics.AllStatus, cancellationToken);

        var message = await status.NextAsync(cancellationToken);
        Assert.Equal(Topics.Status(DeviceId), message.Topic);
        Assert.True(message.Retain);
        Assert.Equal(new DeviceStatus(DeviceState.Online, "wazemmes", 50.6258, 3.0492, "1.2.3"), DeviceStatus.FromJson(message.Payload));
    }

    [Fact]
    public async Task ConnectionDropped_BrokerPublishesTheOfflineWill_AndTheNextPublishReconnects()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var broker = await InProcessBroker.StartAsync();
        await using var relay = new TcpRelay(broker.Port);
        using var transport = CreateTransport(relay.Port);
        await transport.ConnectAsync(cancellationToken);
        await using var status = await BrokerSubscriber.ConnectAsync(broker.Port, Topics.Status(DeviceId), cancellationToken);
        Assert.Equal(DeviceState.Online, DeviceStatus.FromJson((await status.NextAsync(cancellationToken)).Payload).State);

        relay.DropConnections();

        var will = await status.NextAsync(cancellationToken);
        Assert.Equal(new DeviceStatus(DeviceState.Offline, "wazemmes", 50.6258, 3.0492, "1.2.3"), DeviceStatus.FromJson(will.Payload));
        await using (var late = await BrokerSubscriber.ConnectAsync(broker.Port, Topics.Status(DeviceId), cancellationToken))
        {
            var retained = await late.NextAsync(cancellationToken);
            Assert.True(retained.Retain);
            Assert.Equal(DeviceState.Offline, DeviceStatus.FromJson(retained.Payload).State);
        }

        await using var telemetry = await BrokerSubscriber.ConnectAsync(broker.Port, Topics.AllTelemetry, cancellationToken);
        await PublishAsync(transport, cancellationToken);
        Assert.Equal(Topics.Telemetry(DeviceId), (await telemetry.NextAsync(cancellationToken)).Topic);
        Assert.Equal(DeviceState.Online, DeviceStatus.FromJson((await status.NextAsync(cancellationToken)).Payload).State);
    }

    [Fact]
    public async Task DisconnectAsync_Connected_LeavesOfflineStatusRetained()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var broker = await InProcessBroker.StartAsync();
        using var transport = CreateTransport(broker.Port);
        await transport.ConnectAsync(cancellationToken);

        await transport.DisconnectAsync(cancellationToken);
        await using var status = await BrokerSubscriber.ConnectAsync(broker.Port, Topics.Status(DeviceId), cancellationToken);

        var message = await status.NextAsync(cancellationToken);
        Assert.True(message.Retain);
        Assert.Equal(DeviceState.Offline, DeviceStatus.FromJson(message.Payload).State);
    }

    [Fact]
    public async Task PublishTelemetryAsync_BrokerRejects_ThrowsPublishRejected()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var broker = await InProcessBroker.StartAsync();
        broker.Server.InterceptingPublishAsync += args =>
        {
            if (args.ApplicationMessage.Topic == Topics.Telemetry(DeviceId))
            {
                args.ProcessPublish = false;
                args.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            }

            return Task.CompletedTask;
        };
        using var transport = CreateTransport(broker.Port);
        await transport.ConnectAsync(cancellationToken);

        var exception = await Assert.ThrowsAsync<PublishRejectedException>(
            () => transport.PublishTelemetryAsync(SenmlPayload.Encode(SenmlReadings.ToPack(Readings()), SenmlRepresentation.Json), SenmlJson.ContentType, cancellationToken));

        Assert.Contains("NotAuthorized", exception.Message, StringComparison.Ordinal);
    }

    private static MqttDeviceTransport CreateTransport(int port) =>
        new(
            new MqttTransportOptions
            {
                Host = "127.0.0.1",
                Port = port,
                DeviceId = DeviceId,
                Site = "wazemmes",
                Latitude = 50.6258,
                Longitude = 3.0492,
                FirmwareVersion = "1.2.3",
            },
            TimeProvider.System,
            NullLogger<MqttDeviceTransport>.Instance);

    private static Reading[] Readings() =>
    [
        new(DeviceId, "sht31", Quantities.AirTemperature, Measured, 24.5, 41),
        new(DeviceId, "sht31", Quantities.RelativeHumidity, Measured, 55.25, 42),
    ];

    /// <summary>
    /// The client may learn of the reset only when a publish fails on the dead socket; the device loop retries
    /// such a failure, and so does this helper, a bounded number of times.
    /// </summary>
    private static async Task PublishAsync(MqttDeviceTransport transport, CancellationToken cancellationToken)
    {
        var payload = SenmlPayload.Encode(SenmlReadings.ToPack(Readings()), SenmlRepresentation.Json);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await transport.PublishTelemetryAsync(payload, SenmlJson.ContentType, cancellationToken);
                return;
            }
            catch (Exception exception) when (attempt < 3 && exception is not OperationCanceledException)
            {
            }
        }
    }
}

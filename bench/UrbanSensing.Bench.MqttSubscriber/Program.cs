using System.CommandLine;
using System.Globalization;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using UrbanSensing.Bench.Shared;
using UrbanSensing.Protocol;

var broker = new Option<BrokerEndpoint>("--broker")
{
    Description = "MQTT broker as host[:port]",
    DefaultValueFactory = _ => new BrokerEndpoint("127.0.0.1", BrokerEndpoint.DefaultPort),
    CustomParser = BrokerEndpoint.Parse,
};
var clientId = new Option<string>("--client-id") { Description = "MQTT client id", DefaultValueFactory = _ => "bench-mqtt-subscriber" };

var root = new RootCommand(
    "What the MQTT client alone costs: one MQTTnet 5 connection set up as ingestion's (MQTT 5, QoS 1, Receive Maximum 2000, "
    + "4 MiB socket buffers) that acknowledges each telemetry message on arrival and counts it, without decoding or storing it. "
    + "Prints 'received N' on standard error every 200 ms until Ctrl+C or SIGTERM.")
{
    broker, clientId,
};
root.SetAction(async (parseResult, cancellationToken) =>
{
    var endpoint = parseResult.GetValue(broker)!;
    long received = 0;
    using var client = new MqttClientFactory().CreateMqttClient();
    client.ApplicationMessageReceivedAsync += _ =>
    {
        Interlocked.Increment(ref received);
        return Task.CompletedTask;
    };

    var options = new MqttClientOptionsBuilder()
        .WithTcpServer(endpoint.Host, endpoint.Port)
        .WithProtocolVersion(MqttProtocolVersion.V500)
        .WithClientId(parseResult.GetValue(clientId))
        .WithCleanStart()
        .WithReceiveMaximum(2_000)
        .Build();
    ((MqttClientTcpOptions)options.ChannelOptions).BufferSize = 4 * 1024 * 1024;
    try
    {
        await client.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
        await client.SubscribeAsync(
            new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(filter => filter.WithTopic(Topics.AllTelemetry).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
                .Build(),
            cancellationToken).ConfigureAwait(false);
    }
    catch (MQTTnet.Exceptions.MqttCommunicationException exception)
    {
        await Console.Error.WriteLineAsync($"MQTT: {exception.Message}").ConfigureAwait(false);
        return 1;
    }

    await Console.Error.WriteLineAsync("subscribed").ConfigureAwait(false);
    using var ticks = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
    try
    {
        while (await ticks.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"received {Interlocked.Read(ref received)}")).ConfigureAwait(false);
        }
    }
    catch (OperationCanceledException)
    {
        // Ctrl+C or SIGTERM: the last count follows.
    }

    await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"received {Interlocked.Read(ref received)}")).ConfigureAwait(false);
    return 0;
});

return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(10) }).ConfigureAwait(false);

using System.CommandLine;
using System.Text.Json;
using UrbanSensing.Bench.LoadGenerator;
using UrbanSensing.Bench.Shared;
using UrbanSensing.Protocol.Senml;

var broker = new Option<BrokerEndpoint>("--broker")
{
    Description = "MQTT broker as host[:port]",
    DefaultValueFactory = _ => new BrokerEndpoint("127.0.0.1", BrokerEndpoint.DefaultPort),
    CustomParser = BrokerEndpoint.Parse,
};
var devices = Bounded(new Option<int>("--devices") { Description = "Virtual devices (bench-00001, ...)", DefaultValueFactory = _ => 1000 }, 1, 99_999);
var connections = Bounded(new Option<int>("--connections") { Description = "MQTT connections the devices are spread over", DefaultValueFactory = _ => 4 }, 1, 1000);
var rate = Bounded(new Option<double>("--rate") { Description = "Messages per second over all connections; 0 publishes as fast as the in-flight bound allows", DefaultValueFactory = _ => 0 }, 0, 1_000_000);
var duration = Bounded(new Option<double>("--duration") { Description = "Seconds of publishing, a hard bound (at most 600)", DefaultValueFactory = _ => 10 }, 0.1, 600);
var startSequence = Bounded(new Option<long>("--start-sequence") { Description = "First sequence number of every device", DefaultValueFactory = _ => 0 }, 0, long.MaxValue / 2);
var representation = new Option<SenmlRepresentation>("--representation")
{
    Description = "SenML representation: json or cbor",
    DefaultValueFactory = _ => SenmlRepresentation.Json,
};
var inFlight = Bounded(new Option<int>("--in-flight") { Description = "QoS 1 publishes awaiting their PUBACK at once, per connection", DefaultValueFactory = _ => 100 }, 1, 10_000);

var root = new RootCommand(
    "Publishes SenML packs of 10 readings from virtual devices at QoS 1 for a bounded time, then prints a JSON summary of what the broker acknowledged.")
{
    broker, devices, connections, rate, duration, startSequence, representation, inFlight,
};
root.Validators.Add(result =>
{
    if (result.GetValue(connections) > result.GetValue(devices))
    {
        result.AddError("--connections cannot exceed --devices: every connection publishes for at least one device");
    }
});
root.SetAction(async (parseResult, cancellationToken) =>
{
    var endpoint = parseResult.GetValue(broker)!;
    var options = new LoadOptions(
        endpoint,
        parseResult.GetValue(devices),
        parseResult.GetValue(connections),
        parseResult.GetValue(rate),
        TimeSpan.FromSeconds(parseResult.GetValue(duration)),
        parseResult.GetValue(startSequence),
        parseResult.GetValue(representation),
        parseResult.GetValue(inFlight));
    try
    {
        var summary = await new LoadGenerator(options, TimeProvider.System).RunAsync(cancellationToken).ConfigureAwait(false);
        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(summary, LoadSummaryJsonContext.Default.LoadSummary)).ConfigureAwait(false);
        return summary.MessagesFailed == 0 && summary.MessagesAcknowledged == summary.MessagesPublished ? 0 : 3;
    }
    catch (MQTTnet.Exceptions.MqttCommunicationException exception)
    {
        await Console.Error.WriteLineAsync($"Could not connect to {endpoint}: {exception.Message}").ConfigureAwait(false);
        return 1;
    }
});

return await root.Parse(args).InvokeAsync().ConfigureAwait(false);

static Option<T> Bounded<T>(Option<T> option, T minimum, T maximum)
    where T : struct, IComparable<T>
{
    option.Validators.Add(result =>
    {
        var value = result.GetValueOrDefault<T>();
        if (value.CompareTo(minimum) < 0 || value.CompareTo(maximum) > 0)
        {
            result.AddError($"{option.Name} must be from {minimum} to {maximum}");
        }
    });
    return option;
}

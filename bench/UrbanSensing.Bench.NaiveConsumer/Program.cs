using System.CommandLine;
using System.Text.Json;
using UrbanSensing.Bench.NaiveConsumer;
using UrbanSensing.Bench.Shared;

var broker = new Option<BrokerEndpoint>("--broker")
{
    Description = "MQTT broker as host[:port]",
    DefaultValueFactory = _ => new BrokerEndpoint("127.0.0.1", BrokerEndpoint.DefaultPort),
    CustomParser = BrokerEndpoint.Parse,
};
var influxUrl = new Option<Uri>("--influx-url")
{
    Description = "Base URL of the InfluxDB v2 write API (VictoriaMetrics serves /api/v2/write)",
    DefaultValueFactory = _ => new Uri("http://127.0.0.1:8428"),
    CustomParser = result =>
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return url;
        }

        result.AddError($"'{text}' is not an absolute http or https URL");
        return null;
    },
};
var bucket = new Option<string>("--bucket") { Description = "Bucket written to", DefaultValueFactory = _ => "urbansensing" };
var organization = new Option<string>("--org") { Description = "Organization written to", DefaultValueFactory = _ => "urbansensing" };
var clientId = new Option<string>("--client-id") { Description = "MQTT client id", DefaultValueFactory = _ => "bench-naive-consumer" };

var root = new RootCommand(
    "The naive ingestion baseline: subscribes to every device's telemetry at QoS 1 and writes each message to InfluxDB (or VictoriaMetrics) before acknowledging it. Runs until Ctrl+C or SIGTERM, then prints a JSON summary.")
{
    broker, influxUrl, bucket, organization, clientId,
};
root.SetAction(async (parseResult, cancellationToken) =>
{
    using var consumer = new NaiveConsumer(
        parseResult.GetValue(broker)!,
        parseResult.GetValue(clientId)!,
        parseResult.GetValue(influxUrl)!,
        parseResult.GetValue(bucket)!,
        parseResult.GetValue(organization)!,
        TimeProvider.System);
    try
    {
        await consumer.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await Console.Error.WriteLineAsync("subscribed").ConfigureAwait(false);
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        using var disconnectTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await consumer.DisconnectAsync(disconnectTimeout.Token).ConfigureAwait(false);
    }
    catch (MQTTnet.Exceptions.MqttCommunicationException exception)
    {
        await Console.Error.WriteLineAsync($"MQTT: {exception.Message}").ConfigureAwait(false);
        return 1;
    }
    finally
    {
        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(consumer.Summary(), ConsumerSummaryJsonContext.Default.ConsumerSummary)).ConfigureAwait(false);
    }

    return 0;
});

return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(10) }).ConfigureAwait(false);

using System.CommandLine;
using System.Globalization;

namespace UrbanSensing.Cli;

/// <summary>
/// <c>urbansensing ingest</c>: one ingestion instance against an external broker (Mosquitto, EMQX, ...), with its
/// store, HTTP API and Prometheus metrics. Run several, each with its own <c>--instance</c>, in one shared
/// subscription group to split the load.
/// </summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var broker = new Option<string>("--broker")
        {
            Description = "MQTT broker as host[:port]",
            DefaultValueFactory = _ => "127.0.0.1:1883",
        };
        var instance = new Option<string?>("--instance") { Description = "This instance's stable id; its connections are <id>-1, <id>-2, ... (default urbansensing-ingestion)" };
        var connections = new Option<int?>("--connections") { Description = "MQTT connections of this instance (default 1; more need --shared-group)" };
        var sharedGroup = new Option<string?>("--shared-group") { Description = "MQTT 5 shared subscription group ($share/<group>/...) that spreads messages over instances and connections" };
        var port = SystemHost.PortOption("--port", "HTTP API and /metrics port on 127.0.0.1 (default 8080)");
        var data = SystemHost.DataOption();

        var command = new Command("ingest", "Run only the ingestion, its store and HTTP API (with /metrics) against an external MQTT broker.")
        {
            broker, instance, connections, sharedGroup, port, data,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?> { ["Simulator:DeviceCount"] = "0" };
            SystemHost.AddExternalBroker(overrides, parseResult.GetRequiredValue(broker));
            SystemHost.AddApiPort(overrides, parseResult.GetValue(port));
            SystemHost.AddData(overrides, parseResult.GetValue(data));
            if (parseResult.GetValue(instance) is { } clientId)
            {
                overrides["Ingestion:Mqtt:ClientId"] = clientId;
            }

            if (parseResult.GetValue(connections) is { } count)
            {
                overrides["Ingestion:Mqtt:Connections"] = count.ToString(CultureInfo.InvariantCulture);
            }

            if (parseResult.GetValue(sharedGroup) is { } group)
            {
                overrides["Ingestion:Mqtt:SharedSubscriptionGroup"] = group;
            }

            return SystemHost.RunAsync(overrides, cancellationToken);
        });
        return command;
    }
}

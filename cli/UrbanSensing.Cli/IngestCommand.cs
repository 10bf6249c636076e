using System.CommandLine;

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
        var store = new Option<ReadingStoreKind?>("--store") { Description = "Where readings go: DuckDb (default, the --data file) or InfluxDb (Storage:InfluxDb settings, behind a disk spill)" };
        var influxUrl = new Option<string?>("--influx-url") { Description = "InfluxDB (or compatible) URL, e.g. http://127.0.0.1:8086; also INFLUX_URL" };
        var influxOrganization = new Option<string?>("--influx-org") { Description = "InfluxDB organization; also INFLUX_ORG" };
        var influxBucket = new Option<string?>("--influx-bucket") { Description = "InfluxDB bucket (default urbansensing); also INFLUX_BUCKET" };
        var spill = new Option<string?>("--spill") { Description = "Folder of the disk spill used while the store is down (default data/spill)" };

        var command = new Command("ingest", "Run only the ingestion, its store and HTTP API (with /metrics) against an external MQTT broker.")
        {
            broker, instance, connections, sharedGroup, port, data, store, influxUrl, influxOrganization, influxBucket, spill,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?> { ["Simulator:DeviceCount"] = "0" };
            SystemHost.AddExternalBroker(overrides, parseResult.GetRequiredValue(broker));
            SystemHost.AddApiPort(overrides, parseResult.GetValue(port));
            SystemHost.AddData(overrides, parseResult.GetValue(data));
            SystemHost.Set(overrides, "Ingestion:Mqtt:ClientId", parseResult.GetValue(instance));
            SystemHost.Set(overrides, "Ingestion:Mqtt:Connections", parseResult.GetValue(connections));
            SystemHost.Set(overrides, "Ingestion:Mqtt:SharedSubscriptionGroup", parseResult.GetValue(sharedGroup));
            SystemHost.Set(overrides, "Storage:Readings", parseResult.GetValue(store)?.ToString());

            SystemHost.Set(overrides, "Storage:InfluxDb:Url", parseResult.GetValue(influxUrl));
            SystemHost.Set(overrides, "Storage:InfluxDb:Organization", parseResult.GetValue(influxOrganization));
            SystemHost.Set(overrides, "Storage:InfluxDb:Bucket", parseResult.GetValue(influxBucket));
            SystemHost.Set(overrides, "Storage:Spill:Folder", parseResult.GetValue(spill));
            return SystemHost.RunAsync(overrides, cancellationToken);
        });
        return command;
    }
}

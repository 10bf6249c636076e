using System.CommandLine;
using System.Globalization;

namespace UrbanSensing.Cli;

/// <summary><c>urbansensing run</c>: the whole system on this machine.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var port = SystemHost.PortOption("--port", "HTTP API port on 127.0.0.1 (default 8080; Api:Url in appsettings.json)");
        var data = SystemHost.DataOption();
        var devices = new Option<int?>("--devices") { Description = "Simulated devices to run; 0 runs none (default 20)" };
        devices.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 0 or > 10_000)
            {
                result.AddError("--devices must be from 0 to 10000");
            }
        });
        var seed = new Option<int?>("--seed") { Description = "Seed of the simulated city; the same seed plays the same readings (default 42)" };
        var timeScale = new Option<double?>("--time-scale")
        {
            Description = "Simulated seconds per real second (default 1); above 1 the simulated city starts 7 days ago so its clock stays behind the real one",
        };
        var broker = new Option<string?>("--broker") { Description = "External MQTT broker as host[:port]; the embedded broker is then not started" };
        var brokerPort = SystemHost.PortOption("--broker-port", "Port of the embedded MQTT broker on 127.0.0.1 (default 1883)");

        var command = new Command("run", "Run broker, simulated devices, ingestion, store and HTTP API on this machine; Ctrl+C stops it cleanly.")
        {
            port, data, devices, seed, timeScale, broker, brokerPort,
        };

        command.SetAction((parseResult, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            SystemHost.AddApiPort(overrides, parseResult.GetValue(port));
            SystemHost.AddData(overrides, parseResult.GetValue(data));
            SystemHost.Set(overrides, "Simulator:DeviceCount", parseResult.GetValue(devices));
            SystemHost.Set(overrides, "Simulator:Seed", parseResult.GetValue(seed));
            if (parseResult.GetValue(timeScale) is { } scale)
            {
                SystemHost.Set<double>(overrides, "Simulator:TimeScale", scale);
                if (scale > 1)
                {
                    // Readings dated ahead of the real clock are rejected (Ingestion:Validation:MaxFutureSkew).
                    overrides["Simulator:Start"] = DateTimeOffset.UtcNow.AddDays(-7).ToString("O", CultureInfo.InvariantCulture);
                }
            }
            if (parseResult.GetValue(brokerPort) is { } embeddedPort)
            {
                SystemHost.Set<int>(overrides, "Broker:Port", embeddedPort);
                SystemHost.Set<int>(overrides, "Ingestion:Mqtt:Port", embeddedPort);
            }

            if (parseResult.GetValue(broker) is { } external)
            {
                SystemHost.AddExternalBroker(overrides, external);
            }

            return SystemHost.RunAsync(overrides, cancellationToken);
        });
        return command;
    }
}

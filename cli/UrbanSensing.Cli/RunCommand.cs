using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace UrbanSensing.Cli;

/// <summary><c>urbansensing run</c>: the whole system on this machine.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var port = PortOption("--port", "HTTP API port on 127.0.0.1 (default 8080; Api:Url in appsettings.json)");
        var data = new Option<string?>("--data") { Description = "DuckDB file for readings and dead letters (default data/urbansensing.duckdb)" };
        var devices = new Option<int?>("--devices") { Description = "Simulated devices to run; 0 runs none (default 20)" };
        devices.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 0 or > 10_000)
            {
                result.AddError("--devices must be from 0 to 10000");
            }
        });
        var seed = new Option<int?>("--seed") { Description = "Seed of the simulated city; the same seed plays the same readings (default 42)" };
        var timeScale = new Option<double?>("--time-scale") { Description = "Simulated seconds per real second (default 1)" };
        var broker = new Option<string?>("--broker") { Description = "External MQTT broker as host[:port]; the embedded broker is then not started" };
        var brokerPort = PortOption("--broker-port", "Port of the embedded MQTT broker on 127.0.0.1 (default 1883)");

        var command = new Command("run", "Run broker, simulated devices, ingestion, store and HTTP API on this machine; Ctrl+C stops it cleanly.")
        {
            port, data, devices, seed, timeScale, broker, brokerPort,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            if (parseResult.GetValue(port) is { } apiPort)
            {
                overrides["Api:Url"] = $"http://127.0.0.1:{apiPort}";
            }

            if (parseResult.GetValue(data) is { } path)
            {
                overrides["Storage:DuckDb:Path"] = path;
            }

            if (parseResult.GetValue(devices) is { } deviceCount)
            {
                overrides["Simulator:DeviceCount"] = deviceCount.ToString(CultureInfo.InvariantCulture);
            }

            if (parseResult.GetValue(seed) is { } seedValue)
            {
                overrides["Simulator:Seed"] = seedValue.ToString(CultureInfo.InvariantCulture);
            }

            if (parseResult.GetValue(timeScale) is { } scale)
            {
                overrides["Simulator:TimeScale"] = scale.ToString(CultureInfo.InvariantCulture);
            }

            if (parseResult.GetValue(brokerPort) is { } embeddedPort)
            {
                overrides["Broker:Port"] = embeddedPort.ToString(CultureInfo.InvariantCulture);
                overrides["Ingestion:Mqtt:Port"] = embeddedPort.ToString(CultureInfo.InvariantCulture);
            }

            if (parseResult.GetValue(broker) is { } external)
            {
                var (host, externalPort) = ParseBroker(external);
                overrides["Broker:Enabled"] = "false";
                overrides["Ingestion:Mqtt:Host"] = host;
                overrides["Ingestion:Mqtt:Port"] = externalPort.ToString(CultureInfo.InvariantCulture);
            }

            try
            {
                // RunAsync disposes the application when it stops.
                var app = await UrbanSensingApplication.BuildAsync(overrides, cancellationToken).ConfigureAwait(false);
                app.Lifetime.ApplicationStarted.Register(() => RunBanner.Print(app));
                await app.RunAsync().ConfigureAwait(false);

                return 0;
            }
            catch (OptionsValidationException exception)
            {
                await Console.Error.WriteLineAsync($"Invalid configuration: {string.Join("; ", exception.Failures)}").ConfigureAwait(false);
                return 2;
            }
            catch (IOException exception)
            {
                await Console.Error.WriteLineAsync($"Could not start: {exception.Message}").ConfigureAwait(false);
                return 1;
            }
        });
        return command;
    }

    private static Option<int?> PortOption(string name, string description)
    {
        var option = new Option<int?>(name) { Description = description };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 or > 65535)
            {
                result.AddError($"{name} must be a TCP port from 1 to 65535");
            }
        });
        return option;
    }

    private static (string Host, int Port) ParseBroker(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon < 0)
        {
            return (text, 1883);
        }

        return int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? (text[..colon], port)
            : throw new OptionsValidationException("--broker", typeof(string), [$"--broker: '{text}' is not host[:port] with a port from 1 to 65535"]);
    }
}

using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;
using UrbanSensing.Registry;

namespace UrbanSensing.Cli;

/// <summary>What the commands that run the system share: common options, and starting it until Ctrl+C.</summary>
internal static class SystemHost
{
    public static Option<int?> PortOption(string name, string description)
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

    public static Option<string?> DataOption() =>
        new("--data") { Description = "DuckDB file for readings, dead letters and devices (default data/urbansensing.duckdb)" };

    public static void AddApiPort(Dictionary<string, string?> overrides, int? port)
    {
        if (port is { } apiPort)
        {
            overrides["Api:Url"] = $"http://127.0.0.1:{apiPort}";
        }
    }

    public static void AddData(Dictionary<string, string?> overrides, string? path)
    {
        if (path is not null)
        {
            overrides["Storage:DuckDb:Path"] = path;
        }
    }

    /// <summary>Overrides a setting when the option was given.</summary>
    public static void Set(Dictionary<string, string?> overrides, string key, string? value)
    {
        if (value is not null)
        {
            overrides[key] = value;
        }
    }

    /// <summary>Overrides a setting when the option was given, in the invariant culture.</summary>
    public static void Set<T>(Dictionary<string, string?> overrides, string key, T? value)
        where T : struct, IFormattable =>
        Set(overrides, key, value?.ToString(null, CultureInfo.InvariantCulture));

    /// <summary>Points ingestion at an external broker given as host[:port].</summary>
    public static void AddExternalBroker(Dictionary<string, string?> overrides, string broker)
    {
        var colon = broker.LastIndexOf(':');
        var (host, port) = colon < 0 ? (broker, 1883) : (broker[..colon], ParsePort(broker, colon));
        overrides["Broker:Enabled"] = "false";
        overrides["Ingestion:Mqtt:Host"] = host;
        overrides["Ingestion:Mqtt:Port"] = port.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Builds and runs the system until Ctrl+C (or SIGTERM), then stops it cleanly; returns the exit code.</summary>
    public static async Task<int> RunAsync(Dictionary<string, string?> overrides, CancellationToken cancellationToken)
    {
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
        catch (RegistryException exception)
        {
            await Console.Error.WriteLineAsync($"Invalid registry ({exception.Errors.Count} problems):").ConfigureAwait(false);
            foreach (var error in exception.Errors)
            {
                await Console.Error.WriteLineAsync($"  {error}").ConfigureAwait(false);
            }

            return 2;
        }
        catch (IOException exception)
        {
            await Console.Error.WriteLineAsync($"Could not start: {exception.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    private static int ParsePort(string broker, int colon) =>
        int.TryParse(broker.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : throw new OptionsValidationException("--broker", typeof(string), [$"--broker: '{broker}' is not host[:port] with a port from 1 to 65535"]);
}

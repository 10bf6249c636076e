using System.Diagnostics;
using System.Globalization;
using System.Text;
using UrbanSensing.Tests.Shared;

namespace UrbanSensing.Cli.Tests;

/// <summary>A real <c>urbansensing ingest</c> process (the built tool next to the tests), killed and restarted at will.</summary>
internal sealed class IngestProcess : IAsyncDisposable
{
    private readonly string[] _arguments;
    private readonly StringBuilder _output = new();
    private Process? _process;

    private IngestProcess(string[] arguments, int apiPort)
    {
        _arguments = arguments;
        Api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{apiPort}") };
    }

    public HttpClient Api { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<IngestProcess> StartAsync(int brokerPort, string instance, string dataFile, CancellationToken cancellationToken, params string[] extra)
    {
        var apiPort = FreePort.Next();
        string[] arguments =
        [
            Path.Combine(AppContext.BaseDirectory, "urbansensing.dll"), "ingest",
            "--broker", $"127.0.0.1:{brokerPort}", "--instance", instance, "--data", dataFile,
            "--port", apiPort.ToString(CultureInfo.InvariantCulture), .. extra,
        ];
        var process = new IngestProcess(arguments, apiPort);
        await process.StartAsync(cancellationToken);
        return process;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet", _arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["URBANSENSING_Ingestion__Mqtt__ReconnectInitialDelay"] = "00:00:00.100";
        _process = Process.Start(start) ?? throw new InvalidOperationException("urbansensing ingest did not start");
        _process.OutputDataReceived += (_, line) => Append(line.Data);
        _process.ErrorDataReceived += (_, line) => Append(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await Poll.UntilAsync(
            async () =>
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"urbansensing ingest exited with {_process.ExitCode}:\n{Output}");
                }

                try
                {
                    using var response = await Api.GetAsync("/api/v1/health/ready", cancellationToken);
                    return response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            cancellationToken);
    }

    /// <summary>SIGKILL: no clean shutdown, nothing flushed, like a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        _process!.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>SIGTERM: the clean shutdown a service manager asks for.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        using (var terminate = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await terminate.WaitForExitAsync();
        }

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await KillAsync();
        }

        Api.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}

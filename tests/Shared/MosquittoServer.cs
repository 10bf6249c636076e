using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace UrbanSensing.Tests.Shared;

/// <summary>
/// A real Mosquitto broker (Debian package <c>mosquitto</c>) on 127.0.0.1 with its own configuration and data
/// folder, started and stopped by the test. MQTT 5 shared subscriptions and persistent sessions as in production.
/// </summary>
internal sealed class MosquittoServer : IAsyncDisposable
{
    private const string Binary = "/usr/sbin/mosquitto";

    private readonly string _folder;
    private Process? _process;

    private MosquittoServer(string folder, int port)
    {
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public static async Task<MosquittoServer> StartAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing: install the Debian package 'mosquitto' (./test.sh does)");
        }

        var folder = Path.Combine(Path.GetTempPath(), "urbansensing-mosquitto", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var server = new MosquittoServer(folder, FreePort.Next());
        await File.WriteAllTextAsync(Path.Combine(folder, "mosquitto.conf"), $"""
            listener {server.Port} 127.0.0.1
            allow_anonymous true
            user root
            persistence true
            persistence_location {folder}/
            autosave_interval 1
            max_queued_messages 0
            max_inflight_messages 0
            set_tcp_nodelay true
            log_dest stderr
            log_type error
            """, cancellationToken);
        await server.StartProcessAsync(cancellationToken);
        return server;
    }

    /// <summary>Stops the broker the hard way (SIGKILL) or cleanly, keeping its data folder for a restart.</summary>
    public async Task StopAsync(bool kill = false)
    {
        if (_process is null)
        {
            return;
        }

        if (kill)
        {
            _process.Kill();
        }
        else
        {
            using var terminate = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await terminate.WaitForExitAsync();
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public Task RestartAsync(CancellationToken cancellationToken = default) => StartProcessAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await StopAsync(kill: true);
        Directory.Delete(_folder, recursive: true);
    }

    private async Task StartProcessAsync(CancellationToken cancellationToken)
    {
        _process = Process.Start(new ProcessStartInfo(Binary, ["-c", Path.Combine(_folder, "mosquitto.conf")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("mosquitto did not start");
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
                return;
            }
            catch (SocketException) when (!_process.HasExited)
            {
                await Task.Delay(50, timeout.Token);
            }
        }
    }
}

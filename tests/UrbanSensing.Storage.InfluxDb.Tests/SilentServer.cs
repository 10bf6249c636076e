using System.Net;
using System.Net.Sockets;

namespace UrbanSensing.Storage.InfluxDb.Tests;

/// <summary>A TCP server on a free port of 127.0.0.1 that accepts connections, reads what comes and never answers.</summary>
internal sealed class SilentServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _serving;

    public SilentServer()
    {
        _listener.Start();
        Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/";
        _serving = ServeAsync();
    }

    public string Url { get; }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _serving;
        _stopping.Dispose();
    }

    private async Task ServeAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stopping.Token);
                connections.Add(DrainAsync(client));
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        await Task.WhenAll(connections);
    }

    private async Task DrainAsync(TcpClient client)
    {
        using (client)
        {
            var buffer = new byte[4096];
            try
            {
                while (await client.GetStream().ReadAsync(buffer, _stopping.Token) > 0)
                {
                    // Read everything, answer nothing.
                }
            }
            catch (Exception error) when (error is OperationCanceledException or IOException)
            {
                // Stopped, or the client gave up.
            }
        }
    }
}

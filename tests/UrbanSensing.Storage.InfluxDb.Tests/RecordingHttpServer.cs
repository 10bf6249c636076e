using System.Collections.Concurrent;
using System.Net;
using System.Text;
using UrbanSensing.Tests.Shared;

namespace UrbanSensing.Storage.InfluxDb.Tests;

/// <summary>
/// An HTTP server on a free port of 127.0.0.1 that records every request and answers with a fixed status: the n-th
/// request gets the n-th body, and later requests the last one.
/// </summary>
internal sealed class RecordingHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    public RecordingHttpServer(HttpStatusCode status = HttpStatusCode.NoContent, params string[] bodies)
    {
        Url = $"http://127.0.0.1:{FreePort.Next()}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _serving = ServeAsync(status, bodies.Length == 0 ? [[]] : [.. bodies.Select(Encoding.UTF8.GetBytes)]);
    }

    public string Url { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }

    private async Task ServeAsync(HttpStatusCode status, byte[][] bodies)
    {
        for (var answered = 0; ; answered++)
        {
            var body = bodies[Math.Min(answered, bodies.Length - 1)];
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var content = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(content);
            Requests.Enqueue(new RecordedRequest(
                context.Request.HttpMethod,
                context.Request.Url!.AbsolutePath,
                context.Request.QueryString,
                context.Request.Headers,
                content.ToArray()));

            context.Response.StatusCode = (int)status;
            if (body.Length > 0)
            {
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(body);
            }

            context.Response.Close();
        }
    }
}

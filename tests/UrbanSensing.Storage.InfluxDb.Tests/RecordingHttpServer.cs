using System.Collections.Concurrent;
using System.Net;
using System.Text;
using UrbanSensing.Tests.Shared;

namespace UrbanSensing.Storage.InfluxDb.Tests;

/// <summary>An HTTP server on a free port of 127.0.0.1 that records every request and answers with a fixed response.</summary>
internal sealed class RecordingHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    public RecordingHttpServer(HttpStatusCode status = HttpStatusCode.NoContent, string body = "")
    {
        Url = $"http://127.0.0.1:{FreePort.Next()}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _serving = ServeAsync(status, Encoding.UTF8.GetBytes(body));
    }

    public string Url { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }

    private async Task ServeAsync(HttpStatusCode status, byte[] body)
    {
        while (true)
        {
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

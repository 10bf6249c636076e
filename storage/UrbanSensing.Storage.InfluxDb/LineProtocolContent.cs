using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;

namespace UrbanSensing.Storage.InfluxDb;

/// <summary>Line protocol as a request body, gzip-compressed while it is sent when asked, so no compressed copy is kept.</summary>
internal sealed class LineProtocolContent : HttpContent
{
    private readonly ReadOnlyMemory<byte> _lines;
    private readonly bool _gzip;

    public LineProtocolContent(ReadOnlyMemory<byte> lines, bool gzip)
    {
        _lines = lines;
        _gzip = gzip;
        Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
        if (gzip)
        {
            Headers.ContentEncoding.Add("gzip");
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (!_gzip)
        {
            await stream.WriteAsync(_lines, cancellationToken).ConfigureAwait(false);
            return;
        }

        var gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true);
        await using (gzip.ConfigureAwait(false))
        {
            await gzip.WriteAsync(_lines, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _lines.Length;
        return !_gzip;
    }
}

using System.Collections.Specialized;
using System.IO.Compression;
using System.Text;

namespace UrbanSensing.Storage.InfluxDb.Tests;

/// <summary>A request as the server received it; the body is raw, still compressed when it was sent compressed.</summary>
internal sealed record RecordedRequest(string Method, string Path, NameValueCollection Query, NameValueCollection Headers, byte[] Body)
{
    /// <summary>The body as text, decompressed when its Content-Encoding is gzip.</summary>
    public string Text
    {
        get
        {
            if (Headers["Content-Encoding"] != "gzip")
            {
                return Encoding.UTF8.GetString(Body);
            }

            using var gzip = new GZipStream(new MemoryStream(Body), CompressionMode.Decompress);
            using var text = new StreamReader(gzip, Encoding.UTF8);
            return text.ReadToEnd();
        }
    }
}

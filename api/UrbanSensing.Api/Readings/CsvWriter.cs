using System.Globalization;
using System.Text;

namespace UrbanSensing.Api.Readings;

/// <summary>
/// RFC 4180 rows written to a stream as they come: comma-separated, CRLF-terminated, quoted only where needed,
/// numbers in invariant culture. Rows gather in memory and go out asynchronously in pieces of
/// <see cref="FlushBytes"/>: an HTTP response body refuses synchronous writes.
/// </summary>
internal sealed class CsvWriter : IAsyncDisposable
{
    private const int FlushBytes = 64 * 1024;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Stream _output;
    private readonly MemoryStream _pending = new(2 * FlushBytes);
    private readonly StreamWriter _writer;
    private bool _firstField = true;

    public CsvWriter(Stream output)
    {
        _output = output;
        _writer = new StreamWriter(_pending, Utf8, bufferSize: 4 * 1024, leaveOpen: true) { NewLine = "\r\n" };
    }

    public void Field(string? text)
    {
        Separate();
        if (text is null)
        {
            return;
        }

        if (text.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            _writer.Write(text);
            return;
        }

        _writer.Write('"');
        _writer.Write(text.Replace("\"", "\"\"", StringComparison.Ordinal));
        _writer.Write('"');
    }

    public void Field<T>(T? value, string? format = null)
        where T : struct, ISpanFormattable
    {
        Separate();
        if (value is not { } known)
        {
            return;
        }

        Span<char> buffer = stackalloc char[64];
        if (known.TryFormat(buffer, out var written, format, CultureInfo.InvariantCulture))
        {
            _writer.Write(buffer[..written]);
        }
        else
        {
            _writer.Write(known.ToString(format, CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Ends the row; once enough rows have gathered they go out, so a long answer streams.</summary>
    public async Task EndRowAsync(CancellationToken cancellationToken)
    {
        _writer.WriteLine();
        _firstField = true;
        if (_pending.Length >= FlushBytes)
        {
            await SendAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await SendAsync(CancellationToken.None).ConfigureAwait(false);
        await _writer.DisposeAsync().ConfigureAwait(false);
        await _pending.DisposeAsync().ConfigureAwait(false);
    }

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        // Into the memory stream, which is synchronous by nature; only the copy to the output waits.
        _writer.Flush();
        if (_pending.Length == 0)
        {
            return;
        }

        await _output.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), cancellationToken).ConfigureAwait(false);
        await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
        _pending.SetLength(0);
    }

    private void Separate()
    {
        if (!_firstField)
        {
            _writer.Write(',');
        }

        _firstField = false;
    }
}

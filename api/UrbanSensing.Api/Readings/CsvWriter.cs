using System.Globalization;
using System.Text;

namespace UrbanSensing.Api.Readings;

/// <summary>RFC 4180 rows written to a stream as they come: comma-separated, CRLF-terminated, quoted only where needed, numbers in invariant culture.</summary>
internal sealed class CsvWriter(Stream output) : IAsyncDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private const int RowsPerFlush = 10_000;

    private readonly StreamWriter _writer = new(output, Utf8, bufferSize: 64 * 1024) { NewLine = "\r\n" };
    private bool _firstField = true;
    private long _rows;

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

    /// <summary>Ends the row; every <see cref="RowsPerFlush"/> rows the buffer goes out, so a long answer streams.</summary>
    public async Task EndRowAsync(CancellationToken cancellationToken)
    {
        _writer.WriteLine();
        _firstField = true;
        if (++_rows % RowsPerFlush == 0)
        {
            await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private void Separate()
    {
        if (!_firstField)
        {
            _writer.Write(',');
        }

        _firstField = false;
    }
}

using System.Text;

namespace UrbanSensing.Cli.Export;

/// <summary>One CSV file: the header once, then every slice's rows, CRLF-terminated as the API writes them.</summary>
internal sealed class CsvFileSink(string path) : IRowSink
{
    private readonly StreamWriter _writer = new(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16) { NewLine = "\r\n" };
    private string? _header;

    public long Rows { get; private set; }

    public async Task HeaderAsync(string header, CancellationToken cancellationToken)
    {
        if (_header is null)
        {
            _header = header;
            await _writer.WriteLineAsync(header.AsMemory(), cancellationToken).ConfigureAwait(false);
        }
        else if (!string.Equals(header, _header, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"the API changed its columns between slices: '{_header}' then '{header}'");
        }
    }

    public async Task RowAsync(string line, CancellationToken cancellationToken)
    {
        await _writer.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
        Rows++;
    }

    public Task EndSliceAsync(CancellationToken cancellationToken) => _writer.FlushAsync(cancellationToken);

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}

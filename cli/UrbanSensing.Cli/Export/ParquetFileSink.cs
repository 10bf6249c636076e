using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace UrbanSensing.Cli.Export;

/// <summary>
/// One Parquet file (Snappy-compressed) with a column per CSV column: times as UTC timestamps, values and
/// aggregates as doubles, sequences as nullable 64-bit integers, the rest as strings. Rows are held until a slice
/// ends or <see cref="RowsPerGroup"/> accumulate, then written as one row group, so memory stays bounded.
/// </summary>
internal sealed class ParquetFileSink : IRowSink
{
    private const int RowsPerGroup = 500_000;
    private static readonly HashSet<string> TimeColumns = ["time", "start", "end"];
    private static readonly HashSet<string> TextColumns = ["device", "sensor", "quantity", "unit", "flags", "site", "district", "lcz"];

    private readonly FileStream _file;
    private ParquetWriter? _writer;
    private ParquetSchema? _schema;
    private string? _header;
    private List<string?>[] _text = [];
    private List<double>[] _numbers = [];
    private List<long?>[] _integers = [];
    private List<DateTime>[] _times = [];
    private ColumnKind[] _kinds = [];
    private int _buffered;

    public ParquetFileSink(string path) => _file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous);

    private enum ColumnKind
    {
        Text,
        Number,
        Integer,
        Time,
    }

    public long Rows { get; private set; }

    public async Task HeaderAsync(string header, CancellationToken cancellationToken)
    {
        if (_header is not null)
        {
            if (!string.Equals(header, _header, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"the API changed its columns between slices: '{_header}' then '{header}'");
            }

            return;
        }

        _header = header;
        var names = CsvFields.Split(header);
        _kinds = [.. names.Select(KindOf)];
        _schema = new ParquetSchema(names.Select((name, index) => _kinds[index] switch
        {
            ColumnKind.Text => (Field)new DataField<string>(name),
            ColumnKind.Number => new DataField<double>(name),
            ColumnKind.Integer => new DataField<long?>(name),
            _ => new DataField<DateTime>(name),
        }));
        _text = [.. names.Select(_ => new List<string?>())];
        _numbers = [.. names.Select(_ => new List<double>())];
        _integers = [.. names.Select(_ => new List<long?>())];
        _times = [.. names.Select(_ => new List<DateTime>())];
        _writer = await ParquetWriter.CreateAsync(_schema, _file, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy }, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task RowAsync(string line, CancellationToken cancellationToken)
    {
        var fields = CsvFields.Split(line);
        if (fields.Length != _kinds.Length)
        {
            throw new InvalidDataException($"a row has {fields.Length} fields, the header {_kinds.Length}: {line}");
        }

        for (var column = 0; column < fields.Length; column++)
        {
            var field = fields[column];
            switch (_kinds[column])
            {
                case ColumnKind.Text:
                    _text[column].Add(field.Length == 0 ? null : field);
                    break;
                case ColumnKind.Number:
                    _numbers[column].Add(double.Parse(field, NumberStyles.Float, CultureInfo.InvariantCulture));
                    break;
                case ColumnKind.Integer:
                    _integers[column].Add(field.Length == 0 ? null : long.Parse(field, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
                    break;
                default:
                    _times[column].Add(DateTimeOffset.Parse(field, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime);
                    break;
            }
        }

        Rows++;
        if (++_buffered == RowsPerGroup)
        {
            await WriteRowGroupAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task EndSliceAsync(CancellationToken cancellationToken) => WriteRowGroupAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await WriteRowGroupAsync(CancellationToken.None).ConfigureAwait(false);
            await _writer.DisposeAsync().ConfigureAwait(false);
        }

        await _file.DisposeAsync().ConfigureAwait(false);
    }

    private static ColumnKind KindOf(string name) =>
        TimeColumns.Contains(name) ? ColumnKind.Time
        : name == "sequence" ? ColumnKind.Integer
        : TextColumns.Contains(name) ? ColumnKind.Text
        : ColumnKind.Number;

    private async Task WriteRowGroupAsync(CancellationToken cancellationToken)
    {
        if (_buffered == 0 || _writer is null || _schema is null)
        {
            return;
        }

        using (var group = _writer.CreateRowGroup())
        {
            for (var column = 0; column < _kinds.Length; column++)
            {
                var field = _schema.DataFields[column];
                switch (_kinds[column])
                {
                    case ColumnKind.Text:
                        await group.WriteAsync(field, _text[column]!, null).ConfigureAwait(false);
                        break;
                    case ColumnKind.Number:
                        await group.WriteAsync<double>(field, _numbers[column].ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                        break;
                    case ColumnKind.Integer:
                        await group.WriteAsync<long>(field, _integers[column].ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                        break;
                    default:
                        await group.WriteAsync<DateTime>(field, _times[column].ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                        break;
                }
            }
        }

        foreach (var list in _text)
        {
            list.Clear();
        }

        foreach (var list in _numbers)
        {
            list.Clear();
        }

        foreach (var list in _integers)
        {
            list.Clear();
        }

        foreach (var list in _times)
        {
            list.Clear();
        }

        _buffered = 0;
    }
}

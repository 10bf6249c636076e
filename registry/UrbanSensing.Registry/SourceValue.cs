using System.Text.Json;

namespace UrbanSensing.Registry;

/// <summary>
/// A JSON value of a registry file with the line it starts on. <see cref="JsonDocument"/> forgets where its values
/// were, and an error that cannot name its line is no help to whoever edits the file, so the files are read into
/// this small tree instead; they are read once, at start, and are small.
/// </summary>
internal sealed class SourceValue
{
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Disallow };

    private SourceValue(JsonValueKind kind, int line)
    {
        Kind = kind;
        Line = line;
    }

    public JsonValueKind Kind { get; }

    public int Line { get; }

    /// <summary>The content of a string.</summary>
    public string Text { get; private init; } = "";

    /// <summary>The value of a number; infinite when the number does not fit a <see cref="double"/>.</summary>
    public double Number { get; private init; }

    public IReadOnlyList<SourceProperty> Properties { get; private init; } = [];

    public IReadOnlyList<SourceValue> Items { get; private init; } = [];

    public bool IsBoolean => Kind is JsonValueKind.True or JsonValueKind.False;

    /// <summary>How the value reads in an error message: "a string", "null"...</summary>
    public string KindName => Kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{Text}\"",
        JsonValueKind.Number => $"the number {Number}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };

    /// <summary>Reads a whole file; on malformed JSON reports the error with its line and returns <see langword="null"/>.</summary>
    public static SourceValue? Read(ReadOnlySpan<byte> utf8, ErrorCollector errors)
    {
        // Editors on Windows may save UTF-8 with a byte order mark, which Utf8JsonReader does not skip.
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        var lines = new LineIndex(utf8);
        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        try
        {
            reader.Read();
            var root = ReadValue(ref reader, lines);

            // Utf8JsonReader throws if anything but whitespace follows the root value.
            reader.Read();
            return root;
        }
        catch (JsonException exception)
        {
            var line = exception.LineNumber is { } zeroBased ? (int)zeroBased + 1 : lines.LineOf(reader.TokenStartIndex);
            errors.Add(line, $"malformed JSON: {ForFileEditors(exception.Message)}");
            return null;
        }
    }

    private static SourceValue ReadValue(ref Utf8JsonReader reader, LineIndex lines)
    {
        var line = lines.LineOf(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var properties = new List<SourceProperty>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = GetString(ref reader, lines);
                    var nameLine = lines.LineOf(reader.TokenStartIndex);
                    reader.Read();
                    properties.Add(new SourceProperty(name, nameLine, ReadValue(ref reader, lines)));
                }

                return new SourceValue(JsonValueKind.Object, line) { Properties = properties };
            case JsonTokenType.StartArray:
                var items = new List<SourceValue>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, lines));
                }

                return new SourceValue(JsonValueKind.Array, line) { Items = items };
            case JsonTokenType.String:
                return new SourceValue(JsonValueKind.String, line) { Text = GetString(ref reader, lines) };
            case JsonTokenType.Number:
                return new SourceValue(JsonValueKind.Number, line) { Number = reader.TryGetDouble(out var number) ? number : double.PositiveInfinity };
            case JsonTokenType.True:
                return new SourceValue(JsonValueKind.True, line);
            case JsonTokenType.False:
                return new SourceValue(JsonValueKind.False, line);
            default:
                return new SourceValue(JsonValueKind.Null, line);
        }
    }

    private static string GetString(ref Utf8JsonReader reader, LineIndex lines)
    {
        try
        {
            return reader.GetString() ?? "";
        }
        catch (InvalidOperationException exception)
        {
            // Invalid UTF-8 inside a string only shows when the string is decoded.
            throw new JsonException(exception.Message, null, lines.LineOf(reader.TokenStartIndex) - 1, null, exception);
        }
    }

    // The reader appends its position, 0-based, to its messages, where the error gives the line 1-based, and some
    // messages advise changing reader options, which whoever edits the file cannot do.
    private static string ForFileEditors(string message)
    {
        var position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (position < 0 ? message : message[..position]).Replace(" Change the reader options.", "", StringComparison.Ordinal);
    }
}

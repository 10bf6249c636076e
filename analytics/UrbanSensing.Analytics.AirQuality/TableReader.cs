using System.Globalization;
using System.Text.Json;

namespace UrbanSensing.Analytics.AirQuality;

/// <summary>Reads the fields of a table file, turning every problem into a <see cref="BandTableException"/> naming the entry.</summary>
internal sealed class TableReader(string fileName)
{
    public string FileName { get; } = fileName;

    public BandTableException Error(string entry, string problem) => new(FileName, entry, problem);

    public JsonElement ReadRoot(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement.Clone();
            return root.ValueKind == JsonValueKind.Object ? root : throw Error("$", "the file must hold one JSON object.");
        }
        catch (JsonException exception)
        {
            throw new BandTableException(FileName, "$", $"not valid JSON ({exception.Message}).", exception);
        }
    }

    public string RequiredString(JsonElement entry, string path, string property)
    {
        var value = Required(entry, path, property);
        return value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!
            : throw Error(path, $"\"{property}\" must be a non-empty string.");
    }

    public string? OptionalString(JsonElement entry, string path, string property)
    {
        if (!entry.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Error(path, $"\"{property}\" must be a string when present.");
    }

    public double RequiredNumber(JsonElement entry, string path, string property) =>
        OptionalNumber(entry, path, property) ?? throw Error(path, $"\"{property}\" must be a number.");

    /// <summary>A number, or null when the property is absent or null.</summary>
    public double? OptionalNumber(JsonElement entry, string path, string property)
    {
        if (!entry.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw Error(path, $"\"{property}\" must be a finite number or null.");
    }

    public JsonElement RequiredArray(JsonElement entry, string path, string property)
    {
        var value = Required(entry, path, property);
        return value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0
            ? value
            : throw Error(path, $"\"{property}\" must be a non-empty array.");
    }

    public TEnum RequiredEnum<TEnum>(JsonElement entry, string path, string property)
        where TEnum : struct, Enum
    {
        var text = RequiredString(entry, path, property);
        var allowed = Enum.GetNames<TEnum>();
        return allowed.Contains(text, StringComparer.Ordinal)
            ? Enum.Parse<TEnum>(text)
            : throw Error(path, $"\"{property}\" is \"{text}\"; allowed values: {string.Join(", ", allowed)}.");
    }

    public DateOnly RequiredDate(JsonElement entry, string path, string property)
    {
        var text = RequiredString(entry, path, property);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Error(path, $"\"{property}\" is \"{text}\"; a date is written yyyy-MM-dd.");
    }

    public JsonElement RequiredObject(JsonElement array, int index, string path) =>
        array[index].ValueKind == JsonValueKind.Object ? array[index] : throw Error(path, "must be a JSON object.");

    private JsonElement Required(JsonElement entry, string path, string property) =>
        entry.TryGetProperty(property, out var value) ? value : throw Error(path, $"\"{property}\" is missing.");
}

using System.Globalization;
using System.Text.Json;
using UrbanSensing.Analytics.Rain;

namespace UrbanSensing.Analytics.Reports;

/// <summary>
/// Reads a basins file (cli/README.md documents it): <c>{"basins": [{"id", "device", "sensor", "stageStorage":
/// [{"levelM", "volumeM3"}, …], "overflowLevelM", "warningFraction" (default 0.8), "designInfiltrationMmPerHour"}]}</c>.
/// Every refusal names the file, the basin and the field.
/// </summary>
public static class BasinsFile
{
    private const double DefaultWarningFraction = 0.8;

    /// <exception cref="InvalidDataException">The file cannot be read or is not a valid basins file; the message says where.</exception>
    public static IReadOnlyList<BasinDefinition> Read(FileInfo file)
    {
        string text;
        try
        {
            text = File.ReadAllText(file.FullName);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Refusal($"--basins: {file}", $"cannot be read: {exception.Message}");
        }

        return Parse(text, $"--basins: {file}");
    }

    /// <summary>The basins of a basins file's text.</summary>
    /// <param name="source">Where the text comes from, first in every refusal: the option and file, or the request body.</param>
    /// <exception cref="InvalidDataException">The text is not a valid basins file; the message says where.</exception>
    public static IReadOnlyList<BasinDefinition> Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw Refusal(source, $"is not JSON: {exception.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("basins", out var basins)
                || basins.ValueKind != JsonValueKind.Array
                || basins.GetArrayLength() == 0)
            {
                throw Refusal(source, "basins: an object {\"basins\": [...]} with one basin or more is expected");
            }

            var definitions = new List<BasinDefinition>();
            var index = 0;
            foreach (var basin in basins.EnumerateArray())
            {
                var definition = Basin(source, basin, index++);
                if (definitions.Any(known => known.Id == definition.Id))
                {
                    throw Refusal(source, $"basin '{definition.Id}': id: another basin has the same id");
                }

                definitions.Add(definition);
            }

            return definitions;
        }
    }

    private static BasinDefinition Basin(string source, JsonElement basin, int index)
    {
        if (basin.ValueKind != JsonValueKind.Object)
        {
            throw Refusal(source, $"basin #{index + 1}: an object is expected");
        }

        var id = Text(basin, "id") ?? throw Refusal(source, $"basin #{index + 1}: id: a non-empty string is required");
        var where = $"basin '{id}'";
        var device = Text(basin, "device") ?? throw Refusal(source, $"{where}: device: a non-empty string (the device id) is required");
        var sensor = Text(basin, "sensor") ?? throw Refusal(source, $"{where}: sensor: a non-empty string (the sensor whose water-level measures the basin) is required");
        if (!basin.TryGetProperty("stageStorage", out var table) || table.ValueKind != JsonValueKind.Array)
        {
            throw Refusal(source, $"{where}: stageStorage: an array of {{\"levelM\", \"volumeM3\"}} rows is required");
        }

        var rows = new List<StagePoint>();
        var row = 0;
        foreach (var point in table.EnumerateArray())
        {
            rows.Add(new StagePoint(
                Number(source, point, where, $"stageStorage[{row}].levelM") ?? throw Refusal(source, $"{where}: stageStorage[{row}].levelM: a number is required"),
                Number(source, point, where, $"stageStorage[{row}].volumeM3") ?? throw Refusal(source, $"{where}: stageStorage[{row}].volumeM3: a number is required")));
            row++;
        }

        StageStorageCurve curve;
        try
        {
            curve = new StageStorageCurve(rows);
        }
        catch (ArgumentException exception)
        {
            throw Refusal(source, $"{where}: stageStorage: {FirstSentence(exception)}");
        }

        var overflow = Number(source, basin, where, "overflowLevelM") ?? throw Refusal(source, $"{where}: overflowLevelM: a number of m is required");
        var warning = Number(source, basin, where, "warningFraction") ?? DefaultWarningFraction;
        RetentionStorage storage;
        try
        {
            storage = new RetentionStorage(curve, overflow, warning);
        }
        catch (ArgumentOutOfRangeException exception)
        {
            var field = exception.ParamName == "warningFraction" ? "warningFraction" : "overflowLevelM";
            throw Refusal(source, $"{where}: {field}: {FirstSentence(exception)}");
        }

        var design = Number(source, basin, where, "designInfiltrationMmPerHour")
            ?? throw Refusal(source, $"{where}: designInfiltrationMmPerHour: a number of mm/h is required");
        if (!(design > 0))
        {
            throw Refusal(source, string.Create(CultureInfo.InvariantCulture, $"{where}: designInfiltrationMmPerHour: {design} is not a rate above 0 mm/h"));
        }

        return new BasinDefinition(id, device, sensor, storage, design);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;

    /// <summary>The number at <paramref name="field"/> (a path whose last part names it), null when it is absent; anything but a finite number is refused.</summary>
    private static double? Number(string source, JsonElement element, string where, string field)
    {
        var name = field[(field.LastIndexOf('.') + 1)..];
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Refusal(source, $"{where}: {field[..Math.Max(0, field.LastIndexOf('.'))]}: an object is expected");
        }

        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw Refusal(source, $"{where}: {field}: {value.GetRawText()} is not a number");
    }

    // The library's messages end with the parameter's name and value, which mean nothing to the file's author.
    private static string FirstSentence(ArgumentException exception) =>
        exception.Message.Split(" (Parameter", 2)[0].Split(Environment.NewLine, 2)[0];

    private static InvalidDataException Refusal(string source, string message) => new($"{source}: {message}");
}

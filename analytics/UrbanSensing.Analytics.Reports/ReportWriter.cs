using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace UrbanSensing.Analytics.Reports;

/// <summary>Writes an analysis as CSV (RFC 4180, CRLF) or indented JSON, to a file or to the command's output.</summary>
public static class ReportWriter
{
    /// <summary>Temperatures and differences are written to the millikelvin, finer than any sensor of the network resolves.</summary>
    public const int Decimals = 3;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task WriteAsync(
        ReportFormat format,
        FileInfo? file,
        TextWriter output,
        Action<TextWriter> writeCsv,
        Action<Utf8JsonWriter> writeJson,
        CancellationToken cancellationToken)
    {
        var text = Render(format, writeCsv, writeJson);
        if (file is null)
        {
            await output.WriteAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await File.WriteAllTextAsync(file.FullName, text, Utf8, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The report as CSV or as indented JSON ending with a newline.</summary>
    public static string Render(ReportFormat format, Action<TextWriter> writeCsv, Action<Utf8JsonWriter> writeJson) =>
        format == ReportFormat.Json ? Json(writeJson) : Csv(writeCsv);

    /// <summary>A CSV row: text quoted when it must be, numbers rounded, an empty cell for a missing value.</summary>
    public static void Row(TextWriter csv, params object?[] fields)
    {
        csv.Write(string.Join(',', fields.Select(Field)));
        csv.Write("\r\n");
    }

    public static double Round(double value) => Math.Round(value, Decimals) + 0.0; // + 0.0 turns −0 into 0

    public static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, Round(number));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An instant on a zone's wall clock with its offset, ISO 8601 to the second.</summary>
    public static string LocalTime(DateTimeOffset time, TimeZoneInfo timeZone) =>
        TimeZoneInfo.ConvertTime(time, timeZone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Field(object? value) => value switch
    {
        null => string.Empty,
        double number => Round(number).ToString(CultureInfo.InvariantCulture),
        DateOnly date => Date(date),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        string text when text.AsSpan().IndexOfAny(",\"\r\n") >= 0 => $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"",
        _ => value.ToString() ?? string.Empty,
    };

    private static string Csv(Action<TextWriter> writeCsv)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        writeCsv(text);
        return text.ToString();
    }

    private static string Json(Action<Utf8JsonWriter> writeJson)
    {
        using var buffer = new MemoryStream();
        // District names are French and read by people ("Côtes-d'Armor"), so they are written as they are, not \u-escaped.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writeJson(json);
        }

        return Utf8.GetString(buffer.ToArray()) + "\n";
    }
}

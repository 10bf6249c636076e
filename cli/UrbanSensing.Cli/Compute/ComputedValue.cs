using System.Text.Encodings.Web;
using System.Text.Json;

namespace UrbanSensing.Cli.Compute;

/// <summary>
/// What <c>urbansensing compute</c> prints: one JSON object with the value, its UCUM unit, its category where the
/// index has bands (null otherwise) and, for some indices, what else the computation found.
/// </summary>
internal sealed record ComputedValue(double Value, string Unit, string? Category, IReadOnlyDictionary<string, object?>? Details = null)
{
    // Category names are read by people (ATMO's are French: "Dégradé"), so they are written as they are, not \u-escaped.
    private static readonly JsonSerializerOptions DetailOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("value", Math.Round(Value, 6));
            json.WriteString("unit", Unit);
            if (Category is null)
            {
                json.WriteNull("category");
            }
            else
            {
                json.WriteString("category", Category);
            }

            foreach (var (name, detail) in Details ?? new Dictionary<string, object?>())
            {
                json.WritePropertyName(name);
                JsonSerializer.Serialize(json, detail, DetailOptions);
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}

using System.Text;

namespace UrbanSensing.Cli.Export;

/// <summary>Splits one RFC 4180 line (no line break inside a field, which the API never writes) into its fields.</summary>
internal static class CsvFields
{
    public static string[] Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var index = 0; index < line.Length; index++)
        {
            var character = line[index];
            if (quoted)
            {
                if (character == '"' && index + 1 < line.Length && line[index + 1] == '"')
                {
                    field.Append('"');
                    index++;
                }
                else if (character == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(character);
                }
            }
            else if (character == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (character == '"')
            {
                quoted = true;
            }
            else
            {
                field.Append(character);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}

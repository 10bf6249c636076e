namespace UrbanSensing.Protocol;

/// <summary>Rules for device and sensor identifiers, which appear in MQTT topics and SenML names.</summary>
public static class Identifiers
{
    public const int MaxLength = 64;

    /// <summary>Letters, digits, '-', '_' and '.', starting with a letter or digit: safe in topics and SenML names.</summary>
    public static bool IsValid(ReadOnlySpan<char> identifier)
    {
        if (identifier.IsEmpty || identifier.Length > MaxLength || !char.IsAsciiLetterOrDigit(identifier[0]))
        {
            return false;
        }

        foreach (var character in identifier)
        {
            if (!char.IsAsciiLetterOrDigit(character) && character is not ('-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    public static string Describe(string identifier) =>
        $"'{identifier}' is not a valid identifier: use 1 to {MaxLength} letters, digits, '-', '_' or '.', starting with a letter or digit";
}

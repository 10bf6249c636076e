using System.Text;

namespace UrbanSensing.Analytics.Reports;

/// <summary>A category in the words of the sources' charts: ExtremeCaution is "extreme caution".</summary>
public static class CategoryName
{
    public static string Of<TCategory>(TCategory category)
        where TCategory : struct, Enum
    {
        var text = category.ToString();
        var words = new StringBuilder(text.Length + 4);
        foreach (var character in text)
        {
            if (char.IsUpper(character) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(character));
        }

        return words.ToString();
    }

    /// <summary>Every category of the enumeration, in its order, each with no hours yet.</summary>
    public static Dictionary<string, int> Counts<TCategory>()
        where TCategory : struct, Enum =>
        Enum.GetValues<TCategory>().ToDictionary(Of, _ => 0, StringComparer.Ordinal);
}

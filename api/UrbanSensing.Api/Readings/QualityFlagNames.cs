using UrbanSensing.Protocol;

namespace UrbanSensing.Api.Readings;

/// <summary>Quality flags as the API writes them: kebab-case names, in the order of their values.</summary>
public static class QualityFlagNames
{
    private static readonly (QualityFlags Flag, string Name)[] Names =
        [.. Enum.GetValues<QualityFlags>().Where(flag => flag != QualityFlags.None).Select(flag => (flag, System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(flag.ToString())))];

    /// <summary>Every flag's value and name, for writers that compose the names themselves.</summary>
    public static IReadOnlyList<KeyValuePair<int, string>> All { get; } = [.. Names.Select(entry => new KeyValuePair<int, string>((int)entry.Flag, entry.Name))];

    public static IReadOnlyList<string> Of(QualityFlags flags) =>
        flags == QualityFlags.None ? [] : [.. Names.Where(entry => flags.HasFlag(entry.Flag)).Select(entry => entry.Name)];

    /// <summary>The names joined by '|', as one CSV field; empty when there is none.</summary>
    public static string Joined(QualityFlags flags) => string.Join('|', Of(flags));
}

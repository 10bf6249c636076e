using SkiaSharp;

namespace UrbanSensing.Analytics.Charts;

/// <summary>
/// The font family the chart's text is drawn in. Without any font SkiaSharp draws no text and raises no error, so a
/// chart would come out with no title, labels or legend: that is refused here instead.
/// </summary>
internal static class ChartFont
{
    // Sans-serif families in the order we prefer them; DejaVu Sans is Debian's fonts-dejavu-core.
    private static readonly string[] Preferred = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica"];

    public static IReadOnlyList<string> InstalledFamilies() => [.. SKFontManager.Default.FontFamilies];

    /// <exception cref="InvalidOperationException">No family is installed.</exception>
    public static string Choose(IReadOnlyList<string> installedFamilies)
    {
        // An empty font manager still lists one family, with an empty name.
        var named = installedFamilies.Where(family => !string.IsNullOrWhiteSpace(family)).ToArray();
        return Preferred.FirstOrDefault(family => named.Contains(family, StringComparer.OrdinalIgnoreCase))
            ?? named.Order(StringComparer.Ordinal).FirstOrDefault()
            ?? throw new InvalidOperationException(
                "No font is installed, so the chart's text cannot be drawn. SkiaSharp reads fonts from /usr/share/fonts on Linux: on Debian, apt-get install fonts-dejavu-core.");
    }
}

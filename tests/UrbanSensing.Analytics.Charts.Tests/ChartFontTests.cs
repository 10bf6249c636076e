namespace UrbanSensing.Analytics.Charts.Tests;

public sealed class ChartFontTests
{
    [Fact]
    public void Choose_DejaVuSansAmongOthers_TakesDejaVuSans() =>
        Assert.Equal("DejaVu Sans", ChartFont.Choose(["DejaVu Serif", "Noto Sans", "DejaVu Sans"]));

    [Fact]
    public void Choose_NoPreferredFamily_TakesTheFirstByName() =>
        Assert.Equal("Alpha Grotesk", ChartFont.Choose(["Zeta Serif", "Alpha Grotesk"]));

    [Fact]
    public void Choose_OnlyTheEmptyFamilyOfNoFonts_ThrowsNamingTheFontPackage()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => ChartFont.Choose([""]));

        Assert.Contains("No font is installed", exception.Message, StringComparison.Ordinal);
        Assert.Contains("fonts-dejavu-core", exception.Message, StringComparison.Ordinal);
    }
}

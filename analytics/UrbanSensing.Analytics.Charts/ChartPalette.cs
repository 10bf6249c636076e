namespace UrbanSensing.Analytics.Charts;

/// <summary>Default colours: Okabe and Ito's palette for colour-blind readers, yellow last as it is faint on white.</summary>
internal static class ChartPalette
{
    public static readonly ChartColor[] Series =
    [
        new(0x00, 0x72, 0xB2), new(0xD5, 0x5E, 0x00), new(0x00, 0x9E, 0x73), new(0xE6, 0x9F, 0x00),
        new(0x56, 0xB4, 0xE9), new(0xCC, 0x79, 0xA7), new(0x00, 0x00, 0x00), new(0xF0, 0xE4, 0x42),
    ];

    public static readonly ChartColor ReferenceLine = new(0x44, 0x44, 0x44);

    public static readonly ChartColor Span = new(0x80, 0x80, 0x80);

    public const double SpanOpacity = 0.2;
}

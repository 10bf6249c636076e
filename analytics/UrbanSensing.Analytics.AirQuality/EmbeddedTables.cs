namespace UrbanSensing.Analytics.AirQuality;

/// <summary>
/// The tables shipped in the assembly, each read and validated once, on first use; a broken table fails every use
/// with the same message.
/// </summary>
internal static class EmbeddedTables
{
    public const string EuropeanAirQualityIndexFile = "eaqi-2024.json";
    public const string AtmoFile = "atmo-2021.json";
    public const string WhoGuidelinesFile = "who-aqg-2021.json";

    private static readonly Lazy<BandTable> EuropeanAirQualityIndex = new(() => LoadBandTable(EuropeanAirQualityIndexFile, AirQualityScheme.EuropeanAirQualityIndex));
    private static readonly Lazy<BandTable> Atmo = new(() => LoadBandTable(AtmoFile, AirQualityScheme.Atmo));
    private static readonly Lazy<WhoGuidelineTable> WhoGuidelines = new(() => WhoGuidelineTable.Parse(WhoGuidelinesFile, Read(WhoGuidelinesFile)));

    public static WhoGuidelineTable Who => WhoGuidelines.Value;

    public static BandTable For(AirQualityScheme scheme) => scheme switch
    {
        AirQualityScheme.EuropeanAirQualityIndex => EuropeanAirQualityIndex.Value,
        AirQualityScheme.Atmo => Atmo.Value,
        _ => throw new ArgumentOutOfRangeException(
            nameof(scheme),
            scheme,
            $"Unknown air-quality scheme; allowed values: {string.Join(", ", Enum.GetNames<AirQualityScheme>())}."),
    };

    private static BandTable LoadBandTable(string fileName, AirQualityScheme scheme)
    {
        var table = BandTable.Parse(fileName, Read(fileName));
        return table.Scheme == scheme
            ? table
            : throw new BandTableException(fileName, "$", $"\"scheme\" is {table.Scheme}; this file holds the bands of {scheme}.");
    }

    private static byte[] Read(string fileName)
    {
        var resourceName = $"UrbanSensing.Analytics.AirQuality.Tables.{fileName}";
        using var stream = typeof(EmbeddedTables).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new BandTableException(fileName, "$", $"the embedded resource {resourceName} is missing from the assembly.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}

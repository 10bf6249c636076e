namespace UrbanSensing.Storage;

/// <summary>How an <see cref="IReadingFileExporter"/> writes its file.</summary>
/// <param name="Places">Each known device's site, district and local climate zone; other devices get empty ones.</param>
/// <param name="FlagNames">The name written for each quality flag bit.</param>
public sealed record ReadingFileExport(
    ReadingFileFormat Format,
    IReadOnlyList<DevicePlace> Places,
    IReadOnlyList<KeyValuePair<int, string>> FlagNames);

namespace UrbanSensing.Cli;

/// <summary>Where readings go (section <c>Storage</c>); dead letters and the device directory stay in the DuckDB file.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public ReadingStoreKind Readings { get; set; } = ReadingStoreKind.DuckDb;
}

namespace UrbanSensing.Storage;

/// <summary>
/// A store whose engine writes a selection of raw readings straight to a CSV or Parquet file, far faster than
/// streaming them out reading by reading. Callers use it when the store offers it and stream otherwise.
/// </summary>
public interface IReadingFileExporter
{
    /// <summary>
    /// Writes the readings <paramref name="query"/> selects, ordered as <see cref="IReadingStore.QueryAsync"/> orders
    /// them, to <paramref name="path"/>, with the columns device, sensor, quantity, unit, time (UTC), value, sequence,
    /// flags (names joined by '|', empty when none), site, district and lcz.
    /// </summary>
    Task ExportAsync(ReadingQuery query, ReadingFileExport layout, string path, CancellationToken cancellationToken = default);
}

namespace UrbanSensing.Storage;

/// <summary>
/// A store whose engine writes a selection of raw readings straight to a CSV or Parquet file, far faster than
/// streaming them out reading by reading. Callers use it when the store offers it and stream otherwise.
/// </summary>
public interface IReadingFileExporter
{
    /// <summary>
    /// Writes the readings <paramref name="query"/> selects to <paramref name="path"/>, with the columns device,
    /// sensor, quantity, unit, time (UTC), value, sequence, flags (names joined by '|', empty when none), site, district
    /// and lcz, in the order the store holds them (as they were stored, so roughly by time), not sorted: sorting a
    /// month of a city's readings would cost more than writing them. Sort on reading when the order matters.
    /// </summary>
    Task ExportAsync(ReadingQuery query, ReadingFileExport layout, string path, CancellationToken cancellationToken = default);
}

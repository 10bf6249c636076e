using System.ComponentModel.DataAnnotations;

namespace UrbanSensing.Storage.Spill;

public sealed class SpillOptions
{
    public const string SectionName = "Storage:Spill";

    /// <summary>Folder of the spill segments; it survives restarts, so spilled batches are replayed after a crash too.</summary>
    [Required]
    public string Folder { get; set; } = "data/spill";

    /// <summary>Disk the spill may use; when full, ingestion stops acknowledging and messages wait at the broker.</summary>
    [Range(1L << 10, 1L << 40)]
    public long MaxBytes { get; set; } = 1L << 30;

    /// <summary>First wait before replaying again after the store refused; doubles up to <see cref="ReplayMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan ReplayInitialDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan ReplayMaxDelay { get; set; } = TimeSpan.FromSeconds(15);
}

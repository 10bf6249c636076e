using System.ComponentModel.DataAnnotations;

namespace UrbanSensing.Storage.DuckDb;

public sealed class DuckDbStoreOptions
{
    public const string SectionName = "Storage:DuckDb";

    /// <summary>The DuckDB file; relative paths resolve against the working directory. Missing folders are created.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "data/urbansensing.duckdb";

    /// <summary>
    /// Most memory DuckDB's buffer manager may hold (for example <c>256MB</c> or <c>2GB</c>); beyond it, cached blocks
    /// are evicted and large queries spill to a temporary folder beside the file. DuckDB's own default, 80 % of the
    /// machine's memory, suits a database server, not a service that shares the machine with a broker.
    /// </summary>
    [RegularExpression(@"^[0-9]+(\.[0-9]+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$", ErrorMessage = "Storage:DuckDb:MemoryLimit must be a size such as 256MB or 2GB")]
    public string MemoryLimit { get; set; } = "256MB";
}

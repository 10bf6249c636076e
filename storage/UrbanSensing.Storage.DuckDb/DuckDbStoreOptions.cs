using System.ComponentModel.DataAnnotations;

namespace UrbanSensing.Storage.DuckDb;

public sealed class DuckDbStoreOptions
{
    public const string SectionName = "Storage:DuckDb";

    /// <summary>The DuckDB file; relative paths resolve against the working directory. Missing folders are created.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "data/urbansensing.duckdb";
}

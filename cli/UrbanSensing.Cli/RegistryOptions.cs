using System.ComponentModel.DataAnnotations;

namespace UrbanSensing.Cli;

/// <summary>Where the registry of sites and devices is read from (registry/README.md describes the files).</summary>
public sealed class RegistryOptions
{
    public const string SectionName = "Registry";

    /// <summary>The sites, a GeoJSON FeatureCollection. Relative paths are looked up in the working directory, then beside the executable, where the Lille sample ships.</summary>
    [Required(AllowEmptyStrings = false)]
    public string SitesPath { get; set; } = "registry/lille/sites.geojson";

    /// <summary>The devices, sensors and calibrations. Relative paths are looked up as <see cref="SitesPath"/> is.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DevicesPath { get; set; } = "registry/lille/devices.json";

    /// <summary>The path to read: as given when it exists or is absolute, otherwise beside the executable if the file is there.</summary>
    public static string Resolve(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path))
        {
            return Path.GetFullPath(path);
        }

        var besideExecutable = Path.Combine(AppContext.BaseDirectory, path);
        return File.Exists(besideExecutable) ? besideExecutable : Path.GetFullPath(path);
    }
}

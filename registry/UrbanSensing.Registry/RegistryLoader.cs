namespace UrbanSensing.Registry;

/// <summary>
/// Loads the registry from its two files and validates them together, reporting every error of both files at once
/// with its file and line, so that one run of the loader is enough to fix them.
/// </summary>
public static class RegistryLoader
{
    public const string SitesFileName = "sites.geojson";
    public const string DevicesFileName = "devices.json";

    /// <exception cref="RegistryException">A file is malformed or invalid; its errors name the paths as given.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static async Task<SensorRegistry> LoadAsync(string sitesPath, string devicesPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sitesPath);
        ArgumentException.ThrowIfNullOrEmpty(devicesPath);
        var sites = await File.ReadAllBytesAsync(sitesPath, cancellationToken).ConfigureAwait(false);
        var devices = await File.ReadAllBytesAsync(devicesPath, cancellationToken).ConfigureAwait(false);
        return Parse(sites, devices, sitesPath, devicesPath);
    }

    /// <summary>Validates the contents of the two files, UTF-8 encoded; errors name the files as given.</summary>
    /// <exception cref="RegistryException">A file is malformed or invalid.</exception>
    public static SensorRegistry Parse(
        ReadOnlySpan<byte> sitesUtf8,
        ReadOnlySpan<byte> devicesUtf8,
        string sitesFile = SitesFileName,
        string devicesFile = DevicesFileName)
    {
        ArgumentNullException.ThrowIfNull(sitesFile);
        ArgumentNullException.ThrowIfNull(devicesFile);
        var errors = new List<RegistryError>();
        var sites = SitesGeoJson.Read(sitesUtf8, new ErrorCollector(sitesFile, errors));
        var devices = DevicesJson.Read(devicesUtf8, sites, sitesFile, new ErrorCollector(devicesFile, errors));
        if (errors.Count > 0 || sites is null)
        {
            throw new RegistryException(errors);
        }

        return new SensorRegistry(sites.Sites, devices);
    }
}

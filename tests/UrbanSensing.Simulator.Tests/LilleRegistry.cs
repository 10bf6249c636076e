using UrbanSensing.Registry;

namespace UrbanSensing.Simulator.Tests;

/// <summary>The Lille sample registry that ships with the project, read from the repository.</summary>
internal static class LilleRegistry
{
    public static Task<SensorRegistry> LoadAsync()
    {
        var folder = Path.Combine(RepositoryRoot(), "registry", "lille");
        return RegistryLoader.LoadAsync(
            Path.Combine(folder, RegistryLoader.SitesFileName),
            Path.Combine(folder, RegistryLoader.DevicesFileName),
            TestContext.Current.CancellationToken);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "UrbanSensing.sln")))
        {
            folder = folder.Parent ?? throw new DirectoryNotFoundException($"No UrbanSensing.sln above {AppContext.BaseDirectory}.");
        }

        return folder.FullName;
    }
}

using System.Globalization;
using System.Text;

namespace UrbanSensing.Bench.Queries;

/// <summary>
/// The bench's registry: the Lille sample's sites, and <c>bench-0001</c>... devices, each an <c>sht31</c> measuring
/// air temperature and relative humidity, spread round robin over the eleven urban and park sites.
/// </summary>
internal static class BenchRegistry
{
    public static readonly (string Site, string District)[] Sites =
    [
        ("vieux-lille", "Vieux-Lille"), ("lille-centre", "Lille-Centre"), ("wazemmes", "Wazemmes"), ("moulins", "Moulins"),
        ("fives", "Fives"), ("lille-sud", "Lille-Sud"), ("bois-blancs", "Bois-Blancs"), ("hellemmes", "Hellemmes"),
        ("lomme", "Lomme"), ("parc-citadelle", "Vauban-Esquermes"), ("jardin-des-plantes", "Moulins"),
    ];

    public static string DeviceId(int index) => string.Create(CultureInfo.InvariantCulture, $"bench-{index + 1:0000}");

    public static void Write(string folder, int devices)
    {
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(RepositoryRoot(), "registry", "lille", "sites.geojson"), Path.Combine(folder, "sites.geojson"), overwrite: true);
        var json = new StringBuilder("{ \"devices\": [\n");
        for (var index = 0; index < devices; index++)
        {
            json.Append(CultureInfo.InvariantCulture, $"  {{ \"id\": \"{DeviceId(index)}\", \"site\": \"{Sites[index % Sites.Length].Site}\", \"installed\": \"2024-01-01\", \"removed\": null, \"sensors\": [ {{ \"name\": \"sht31\", \"quantities\": [\"air-temperature\", \"relative-humidity\"] }} ] }}");
            json.Append(index + 1 < devices ? ",\n" : "\n");
        }

        File.WriteAllText(Path.Combine(folder, "devices.json"), json.Append("] }\n").ToString());
    }

    /// <summary>The bench devices standing in a district, in a registry of <paramref name="devices"/> devices.</summary>
    public static IReadOnlyList<string> DevicesIn(string district, int devices) =>
        [.. Enumerable.Range(0, devices).Where(index => Sites[index % Sites.Length].District == district).Select(DeviceId)];

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "UrbanSensing.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("UrbanSensing.sln not found above " + AppContext.BaseDirectory);
    }
}

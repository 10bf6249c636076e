using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using UrbanSensing.Protocol;

namespace UrbanSensing.Registry;

/// <summary>The sites and devices of the network, immutable, with the lookups ingestion and the API make.</summary>
public sealed class SensorRegistry
{
    private readonly FrozenDictionary<string, Site> _sitesById;
    private readonly FrozenDictionary<string, Device> _devicesById;
    private readonly FrozenDictionary<string, Device[]> _devicesBySite;

    /// <exception cref="ArgumentException">Two sites or two devices share an id, or a device stands at a site not in <paramref name="sites"/>.</exception>
    public SensorRegistry(IEnumerable<Site> sites, IEnumerable<Device> devices)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(devices);
        Sites = [.. sites];
        Devices = [.. devices];
        _sitesById = Unique(Sites, site => site.Id, "sites", nameof(sites));
        _devicesById = Unique(Devices, device => device.Id, "devices", nameof(devices));
        var stranger = Devices.FirstOrDefault(device => _sitesById.GetValueOrDefault(device.Site.Id) != device.Site);
        if (stranger is not null)
        {
            throw new ArgumentException($"Device '{stranger.Id}' stands at site '{stranger.Site.Id}', which is not one of the registry's sites.", nameof(devices));
        }

        _devicesBySite = Devices
            .GroupBy(device => device.Site.Id, StringComparer.Ordinal)
            .ToFrozenDictionary(group => group.Key, group => group.ToArray(), StringComparer.Ordinal);
        ReferenceSites = [.. Sites.Where(site => site.IsReference)];
    }

    /// <summary>Every site, in the order of the sites file.</summary>
    public IReadOnlyList<Site> Sites { get; }

    /// <summary>Every device, in the order of the devices file.</summary>
    public IReadOnlyList<Device> Devices { get; }

    /// <summary>The rural and park sites urban sites are compared with to measure the heat island.</summary>
    public IReadOnlyList<Site> ReferenceSites { get; }

    public bool TryGetSite(string siteId, [NotNullWhen(true)] out Site? site) => _sitesById.TryGetValue(siteId, out site);

    public bool TryGetDevice(string deviceId, [NotNullWhen(true)] out Device? device) => _devicesById.TryGetValue(deviceId, out device);

    /// <summary>The devices that stand, or stood, at a site; empty for a site without devices or not in the registry.</summary>
    public IReadOnlyList<Device> DevicesAtSite(string siteId) => _devicesBySite.GetValueOrDefault(siteId, []);

    /// <summary>Whether the device is in the registry and stood at its site at <paramref name="instant"/>.</summary>
    public bool IsActive(string deviceId, DateTimeOffset instant) =>
        TryGetDevice(deviceId, out var device) && device.IsActiveAt(instant);

    /// <summary>
    /// The calibration to apply to a reading of <paramref name="quantity"/> by a sensor of a device, taken at
    /// <paramref name="instant"/>: <see cref="Calibration.Identity"/> when the registry gives none, and
    /// <see langword="false"/> when the registry does not know that reading: the device is not in it, was not
    /// installed at that instant, has no sensor by that name or the sensor does not measure the quantity.
    /// </summary>
    public bool TryGetCalibration(
        string deviceId,
        string sensor,
        Quantity quantity,
        DateTimeOffset instant,
        [NotNullWhen(true)] out Calibration? calibration)
    {
        calibration = null;
        return TryGetDevice(deviceId, out var device)
            && device.IsActiveAt(instant)
            && device.FindSensor(sensor) is { } part
            && part.TryGetCalibration(quantity, out calibration);
    }

    private static FrozenDictionary<string, T> Unique<T>(IReadOnlyList<T> items, Func<T, string> idOf, string kinds, string parameterName)
    {
        var byId = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!byId.TryAdd(idOf(item), item))
            {
                throw new ArgumentException($"Two {kinds} have the id '{idOf(item)}'.", parameterName);
            }
        }

        return byId.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

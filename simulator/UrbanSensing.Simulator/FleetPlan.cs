using System.Globalization;
using UrbanSensing.Protocol;
using UrbanSensing.Protocol.Senml;
using UrbanSensing.Registry;
using UrbanSensing.Simulator.Sensors;

namespace UrbanSensing.Simulator;

/// <summary>
/// Lays out a fleet from the registry. The registry's devices come first, in file order, each at its site with the
/// sensors the registry lists that the simulator can simulate; a device with none of those is skipped. When
/// <see cref="FleetOptions.DeviceCount"/> asks for more, the others are generated as the Lille sample's devices were
/// laid out: <c>lille-{n:0000}</c> numbered on from the registry's highest such number, round robin over the sites
/// that are not references, an air sensor on each and a rain gauge on every third number (<c>n mod 3 = 1</c>). The
/// registry does not know them, so ingestion flags their readings as unregistered.
/// </summary>
/// <remarks>
/// A device stands exactly at its site's coordinates: the registry places sensors at sites, not at points of their
/// own, so devices sharing a site share its point, and the coordinates a device announces are the registry's.
/// </remarks>
public sealed class FleetPlan
{
    private const string GeneratedIdPrefix = "lille-";
    private const int RainGaugeEvery = 3;

    private FleetPlan(IReadOnlyList<SimulatedDevice> devices, IReadOnlyList<SkippedDevice> skippedDevices, IReadOnlyList<UnsimulatedSensor> unsimulatedSensors)
    {
        Devices = devices;
        SkippedDevices = skippedDevices;
        UnsimulatedSensors = unsimulatedSensors;
    }

    /// <summary>The devices to simulate, <see cref="FleetOptions.DeviceCount"/> of them: the registry's, then the generated ones.</summary>
    public IReadOnlyList<SimulatedDevice> Devices { get; }

    /// <summary>Registry devices passed over on the way to the device count because none of their sensors can be simulated.</summary>
    public IReadOnlyList<SkippedDevice> SkippedDevices { get; }

    /// <summary>Sensors of simulated registry devices that the simulator cannot simulate; they give no readings.</summary>
    public IReadOnlyList<UnsimulatedSensor> UnsimulatedSensors { get; }

    /// <exception cref="ArgumentException">
    /// The device count needs generated devices and every site of the registry is a reference, so there is nowhere to put them.
    /// </exception>
    public static FleetPlan Create(FleetOptions options, SensorRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(registry);
        var devices = new List<SimulatedDevice>(options.DeviceCount);
        var skippedDevices = new List<SkippedDevice>();
        var unsimulatedSensors = new List<UnsimulatedSensor>();
        foreach (var device in registry.Devices)
        {
            if (devices.Count == options.DeviceCount)
            {
                break;
            }

            var leftOut = device.Sensors
                .Select(sensor => (sensor.Name, Reason: WhyNotSimulated(sensor)))
                .Where(sensor => sensor.Reason is not null)
                .Select(sensor => new UnsimulatedSensor(device.Id, sensor.Name, sensor.Reason!))
                .ToList();
            if (leftOut.Count == device.Sensors.Count)
            {
                var why = string.Join("; ", leftOut.Select(sensor => $"{sensor.SensorName}: {sensor.Reason}"));
                skippedDevices.Add(new SkippedDevice(device.Id, $"none of its sensors can be simulated ({why})"));
                continue;
            }

            unsimulatedSensors.AddRange(leftOut);
            devices.Add(Plan(
                options,
                devices.Count,
                device.Id,
                device.Site,
                hasAirSensor: Simulates(SimulatedAirSensor.PartId),
                hasRainGauge: Simulates(SimulatedRainGauge.PartId),
                hasAirQualitySensor: Simulates(SimulatedAirQualitySensor.PartId),
                isRegistered: true));

            bool Simulates(string partId) =>
                device.FindSensor(partId) is not null && !leftOut.Exists(sensor => sensor.SensorName == partId);
        }

        AddGenerated(devices, options, registry);
        return new FleetPlan(devices, skippedDevices, unsimulatedSensors);
    }

    private static void AddGenerated(List<SimulatedDevice> devices, FleetOptions options, SensorRegistry registry)
    {
        if (devices.Count == options.DeviceCount)
        {
            return;
        }

        var sites = registry.Sites.Where(site => !site.IsReference).ToList();
        if (sites.Count == 0)
        {
            throw new ArgumentException(
                $"{options.DeviceCount} devices are asked for, the registry has {devices.Count} to simulate, and it has no site that is not a reference to put the others at.",
                nameof(registry));
        }

        var number = HighestGeneratedStyleNumber(registry);
        for (var generated = 0; devices.Count < options.DeviceCount; generated++)
        {
            number++;
            devices.Add(Plan(
                options,
                devices.Count,
                $"{GeneratedIdPrefix}{number:0000}",
                sites[generated % sites.Count],
                hasAirSensor: true,
                hasRainGauge: number % RainGaugeEvery == 1,
                hasAirQualitySensor: false,
                isRegistered: false));
        }
    }

    private static SimulatedDevice Plan(FleetOptions options, int index, string id, Site site, bool hasAirSensor, bool hasRainGauge, bool hasAirQualitySensor, bool isRegistered)
    {
        var representation = options.AlternateRepresentations && index % 2 == 1
            ? Other(options.Representation)
            : options.Representation;
        return new SimulatedDevice(index, id, site, hasAirSensor, hasRainGauge, hasAirQualitySensor, isRegistered, representation, Seeds.Derive(options.Seed, index));
    }

    /// <summary><see langword="null"/> when the simulator gives every reading the registry expects of the sensor, else why not.</summary>
    /// <remarks>
    /// Names are compared as ingestion compares them, exactly, so the simulated readings carry the registry's names. A
    /// sensor that lists fewer quantities than the simulated part gives is left out rather than simulated, since the
    /// readings the registry does not list would all be flagged.
    /// </remarks>
    private static string? WhyNotSimulated(DeviceSensor sensor)
    {
        IReadOnlyList<Quantity>? gives = sensor.Name switch
        {
            SimulatedAirSensor.PartId => SimulatedAirSensor.PartQuantities,
            SimulatedRainGauge.PartId => SimulatedRainGauge.PartQuantities,
            SimulatedAirQualitySensor.PartId => SimulatedAirQualitySensor.PartQuantities,
            _ => null,
        };
        if (gives is null)
        {
            return $"the simulator simulates only {SimulatedAirSensor.PartId} ({Listed(SimulatedAirSensor.PartQuantities)}), {SimulatedRainGauge.PartId} ({Listed(SimulatedRainGauge.PartQuantities)}) and {SimulatedAirQualitySensor.PartId} ({Listed(SimulatedAirQualitySensor.PartQuantities)})";
        }

        var unlisted = gives.Where(quantity => !sensor.Measures(quantity)).ToList();
        return unlisted.Count == 0
            ? null
            : $"the registry lists {Listed(sensor.Quantities)} and the simulated {sensor.Name} gives {Listed(gives)}, so its {Listed(unlisted)} readings would not be registered";
    }

    private static string Listed(IEnumerable<Quantity> quantities) => string.Join(", ", quantities);

    /// <summary>
    /// The highest <c>n</c> of the registry's <c>lille-n</c> ids (0 when it has none): generated ids are numbered
    /// after it, so they cannot be any of the registry's.
    /// </summary>
    private static long HighestGeneratedStyleNumber(SensorRegistry registry) => registry.Devices
        .Select(device => device.Id.StartsWith(GeneratedIdPrefix, StringComparison.Ordinal)
            && long.TryParse(device.Id.AsSpan(GeneratedIdPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                ? number
                : 0)
        .DefaultIfEmpty()
        .Max();

    private static SenmlRepresentation Other(SenmlRepresentation representation) =>
        representation == SenmlRepresentation.Json ? SenmlRepresentation.Cbor : SenmlRepresentation.Json;
}

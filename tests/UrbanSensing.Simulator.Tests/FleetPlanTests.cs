using Microsoft.Extensions.Time.Testing;
using UrbanSensing.Protocol;
using UrbanSensing.Protocol.Senml;
using UrbanSensing.Registry;
using UrbanSensing.Simulator.Sensors;
using UrbanSensing.Simulator.Sites;
using static UrbanSensing.Simulator.Tests.TestRegistry;

namespace UrbanSensing.Simulator.Tests;

public sealed class FleetPlanTests
{
    private static readonly DateTimeOffset Summer = new(2025, 7, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Create_ShippedLilleRegistry_TakesItsDevicesInFileOrderAtTheirSites()
    {
        var registry = await LilleRegistry.LoadAsync();

        var plan = FleetPlan.Create(new FleetOptions { DeviceCount = 23 }, registry);

        Assert.Equal(registry.Devices.Select(device => device.Id), plan.Devices.Select(device => device.Id));
        Assert.Equal(Enumerable.Range(0, 23), plan.Devices.Select(device => device.Index));
        Assert.All(plan.Devices.Zip(registry.Devices), pair => Assert.Same(pair.Second.Site, pair.First.Site));
        Assert.All(plan.Devices, device => Assert.True(device.IsRegistered, device.Id));
        Assert.Equal(("lille-0001", "vieux-lille", 50.6433, 3.0606), Placement(plan.Devices[0]));
        Assert.Equal(("lille-0012", "vieux-lille", 50.6433, 3.0606), Placement(plan.Devices[11]));
        Assert.Equal(("lesquin-ref-01", "lille-lesquin"), (plan.Devices[22].Id, plan.Devices[22].Site.Id));
        Assert.Empty(plan.SkippedDevices);
        Assert.Empty(plan.UnsimulatedSensors);
    }

    [Fact]
    public async Task Create_DefaultDeviceCount_TakesTheRegistrysFirstTwentyDevices()
    {
        var registry = await LilleRegistry.LoadAsync();

        var plan = FleetPlan.Create(new FleetOptions(), registry);

        Assert.Equal(Enumerable.Range(1, 20).Select(number => $"lille-{number:0000}"), plan.Devices.Select(device => device.Id));
    }

    [Fact]
    public async Task CreateSensors_ShippedLilleRegistry_CarryTheRegistrysSensorsAndGiveOnlyReadingsItKnows()
    {
        var registry = await LilleRegistry.LoadAsync();

        var plan = FleetPlan.Create(new FleetOptions { DeviceCount = 23 }, registry);

        Assert.All(plan.Devices, device =>
        {
            Assert.True(registry.TryGetDevice(device.Id, out var registered));
            var sensors = device.CreateSensors(TimeProvider.System);
            Assert.Equal(registered.Sensors.Select(sensor => sensor.Name), sensors.Select(sensor => sensor.Id));
            Assert.All(
                sensors.SelectMany(sensor => sensor.Quantities.Select(quantity => (sensor.Id, quantity))),
                reading => Assert.True(registry.TryGetCalibration(device.Id, reading.Id, reading.quantity, Summer, out _), $"{device.Id} {reading.Id} {reading.quantity}"));
        });
        Assert.Equal([true, false, false, true], plan.Devices.Take(4).Select(device => device.HasRainGauge));
        Assert.Equal([SimulatedAirSensor.PartId], plan.Devices[22].CreateSensors(TimeProvider.System).Select(sensor => sensor.Id));
    }

    [Fact]
    public async Task Create_MoreDevicesThanTheRegistryHas_GeneratesUnregisteredOnesNumberedOnOverTheSitesThatAreNotReferences()
    {
        var registry = await LilleRegistry.LoadAsync();
        string[] urbanSites =
        [
            "vieux-lille", "lille-centre", "wazemmes", "moulins", "fives", "lille-sud", "bois-blancs", "hellemmes", "lomme", "jardin-des-plantes",
        ];

        var generated = FleetPlan.Create(new FleetOptions { DeviceCount = 35 }, registry).Devices.Skip(23).ToList();

        Assert.Equal(Enumerable.Range(23, 12).Select(number => $"lille-{number:0000}"), generated.Select(device => device.Id));
        Assert.All(generated, device =>
        {
            Assert.False(device.IsRegistered);
            Assert.False(registry.TryGetDevice(device.Id, out _));
            Assert.True(device.HasAirSensor);
        });
        Assert.Equal([.. urbanSites, "vieux-lille", "lille-centre"], generated.Select(device => device.Site.Id));
        Assert.Equal(["lille-0025", "lille-0028", "lille-0031", "lille-0034"], generated.Where(device => device.HasRainGauge).Select(device => device.Id));
    }

    [Fact]
    public void Create_RegistryIdsOfOtherForms_GeneratedIdsFollowItsHighestLilleNumber()
    {
        var site = Site("fives", LocalClimateZone.CompactLowRise);
        var registry = new SensorRegistry(
            [site],
            [Device("lille-0002", site, Air()), Device("lille-17", site, Air()), Device("lille-0009", site, Air()), Device("station-99", site, Air()), Device("lille-x40", site, Air())]);

        var plan = FleetPlan.Create(new FleetOptions { DeviceCount = 7 }, registry);

        Assert.Equal(["lille-0018", "lille-0019"], plan.Devices.Skip(5).Select(device => device.Id));
        Assert.Equal([false, true], plan.Devices.Skip(5).Select(device => device.HasRainGauge));
    }

    [Fact]
    public void Create_RegistryWithoutDevices_GeneratesThemRoundRobinOverTheSitesThatAreNotReferences()
    {
        var registry = new SensorRegistry(
            [
                Site("park", LocalClimateZone.DenseTrees, isReference: true),
                Site("centre", LocalClimateZone.CompactMidrise),
                Site("airport", LocalClimateZone.LowPlants, isReference: true),
                Site("suburb", LocalClimateZone.OpenLowRise),
            ],
            []);

        var plan = FleetPlan.Create(new FleetOptions { DeviceCount = 4 }, registry);

        Assert.Equal(["lille-0001", "lille-0002", "lille-0003", "lille-0004"], plan.Devices.Select(device => device.Id));
        Assert.Equal(["centre", "suburb", "centre", "suburb"], plan.Devices.Select(device => device.Site.Id));
        Assert.Equal([true, false, false, true], plan.Devices.Select(device => device.HasRainGauge));
    }

    [Fact]
    public void Create_MoreDevicesThanTheRegistryHasAndOnlyReferenceSites_ThrowsNamingTheRegistry()
    {
        var park = Site("park", LocalClimateZone.DenseTrees, isReference: true);
        var registry = new SensorRegistry([park], [Device("park-01", park, Air())]);

        var exception = Assert.Throws<ArgumentException>(() => FleetPlan.Create(new FleetOptions { DeviceCount = 2 }, registry));

        Assert.Equal("registry", exception.ParamName);
        Assert.Equal(["park-01"], FleetPlan.Create(new FleetOptions { DeviceCount = 1 }, registry).Devices.Select(device => device.Id));
    }

    [Fact]
    public void Create_RegistryDevicesWithSensorsTheSimulatorCannotSimulate_SimulatesWhatItCanAndSkipsTheRestSayingWhy()
    {
        var site = Site("fives", LocalClimateZone.CompactLowRise);
        var registry = new SensorRegistry(
            [site],
            [
                Device("pressure-only", site, Sensor("bme280", Quantities.AirPressure)),
                Device("temperature-only", site, Sensor("sht31", Quantities.AirTemperature)),
                Device("air-and-dust", site, Air(), Sensor("sps30", Quantities.Pm25, Quantities.Pm10)),
                Device("gauge-only", site, RainGauge()),
                Device("after-the-count", site, Sensor("bme280", Quantities.AirPressure)),
            ]);

        var plan = FleetPlan.Create(new FleetOptions { DeviceCount = 2 }, registry);

        Assert.Equal(
            [("air-and-dust", true, false), ("gauge-only", false, true)],
            plan.Devices.Select(device => (device.Id, device.HasAirSensor, device.HasRainGauge)));
        Assert.Equal(["sht31"], plan.Devices[0].CreateSensors(TimeProvider.System).Select(sensor => sensor.Id));
        Assert.Equal(["rg"], plan.Devices[1].CreateSensors(TimeProvider.System).Select(sensor => sensor.Id));
        Assert.Equal(["pressure-only", "temperature-only"], plan.SkippedDevices.Select(device => device.DeviceId));
        Assert.Contains("bme280", plan.SkippedDevices[0].Reason, StringComparison.Ordinal);
        Assert.Contains("relative-humidity readings would not be registered", plan.SkippedDevices[1].Reason, StringComparison.Ordinal);
        var dust = Assert.Single(plan.UnsimulatedSensors);
        Assert.Equal(("air-and-dust", "sps30"), (dust.DeviceId, dust.SensorName));
        Assert.Contains("simulates only sht31", dust.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ShippedLilleRegistry_UrbanClassFollowsTheSitesLocalClimateZone()
    {
        var registry = await LilleRegistry.LoadAsync();

        var plan = FleetPlan.Create(new FleetOptions { DeviceCount = 23 }, registry);

        var classes = plan.Devices.Take(11).Select(device => device.UrbanClass).Append(plan.Devices[22].UrbanClass);
        Assert.Equal(
            [
                UrbanClass.Dense, UrbanClass.Dense, UrbanClass.Dense, UrbanClass.Dense, UrbanClass.Dense,
                UrbanClass.Residential, UrbanClass.Residential, UrbanClass.Residential, UrbanClass.Residential,
                UrbanClass.Park, UrbanClass.Park, UrbanClass.Park,
            ],
            classes);
    }

    [Fact]
    public async Task CreateSensors_ShippedLilleRegistryOverASummerNight_VieuxLilleIsWarmerThanTheCitadellePark()
    {
        var registry = await LilleRegistry.LoadAsync();
        var plan = FleetPlan.Create(new FleetOptions { DeviceCount = 11 }, registry);
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 7, 14, 22, 0, 0, TimeSpan.Zero));
        var vieuxLille = plan.Devices.Single(device => device.Site.Id == "vieux-lille").CreateSensors(clock)[0];
        var citadelle = plan.Devices.Single(device => device.Site.Id == "parc-citadelle").CreateSensors(clock)[0];

        var difference = new List<double>();
        for (var step = 0; step < 30; step++)
        {
            difference.Add(await TemperatureAsync(vieuxLille) - await TemperatureAsync(citadelle));
            clock.Advance(TimeSpan.FromMinutes(10));
        }

        // A dense site's night heat island is 2.5 °C; each device adds its own microclimate of up to ±0.3 °C.
        Assert.InRange(difference.Average(), 1.8, 3.2);
    }

    [Fact]
    public async Task Create_SameSeed_SamePlanAndSameReadings()
    {
        var registry = await LilleRegistry.LoadAsync();
        var options = new FleetOptions { DeviceCount = 30, Seed = 42 };

        var first = FleetPlan.Create(options, registry).Devices;
        var again = FleetPlan.Create(options, registry).Devices;
        var other = FleetPlan.Create(new FleetOptions { DeviceCount = 30, Seed = 43 }, registry).Devices;

        Assert.Equal(first, again);
        Assert.Equal(first.Select(device => device.Id), other.Select(device => device.Id));
        Assert.Equal(await ReadAllAsync(first), await ReadAllAsync(again));
        Assert.NotEqual(await ReadAllAsync(first), await ReadAllAsync(other));
    }

    [Fact]
    public async Task Create_AlternateRepresentations_OddDevicesUseTheOtherOne()
    {
        var registry = await LilleRegistry.LoadAsync();

        var plan = FleetPlan.Create(new FleetOptions { DeviceCount = 4, Representation = SenmlRepresentation.Cbor, AlternateRepresentations = true }, registry);

        Assert.Equal(
            [SenmlRepresentation.Cbor, SenmlRepresentation.Json, SenmlRepresentation.Cbor, SenmlRepresentation.Json],
            plan.Devices.Select(device => device.Representation));
    }

    private static (string Id, string Site, double Latitude, double Longitude) Placement(SimulatedDevice device) =>
        (device.Id, device.Site.Id, device.Site.Latitude, device.Site.Longitude);

    private static async Task<double> TemperatureAsync(Firmware.ISensor sensor) =>
        (await sensor.ReadAsync(TestContext.Current.CancellationToken)).Single(sample => sample.Quantity == Quantities.AirTemperature).Value;

    /// <summary>Every value every device's sensors give over an hour of simulated time, read every minute.</summary>
    private static async Task<List<double>> ReadAllAsync(IReadOnlyList<SimulatedDevice> plan)
    {
        var clock = new FakeTimeProvider(Summer);
        var sensors = plan.SelectMany(device => device.CreateSensors(clock)).ToList();
        var values = new List<double>();
        for (var minute = 0; minute < 60; minute++)
        {
            foreach (var sensor in sensors)
            {
                values.AddRange((await sensor.ReadAsync(TestContext.Current.CancellationToken)).Select(sample => sample.Value));
            }

            clock.Advance(TimeSpan.FromMinutes(1));
        }

        return values;
    }
}

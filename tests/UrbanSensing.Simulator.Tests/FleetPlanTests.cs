using Microsoft.Extensions.Time.Testing;
using UrbanSensing.Protocol.Senml;
using UrbanSensing.Simulator.Sensors;
using UrbanSensing.Simulator.Sites;

namespace UrbanSensing.Simulator.Tests;

public sealed class FleetPlanTests
{
    [Fact]
    public void Create_TwentyDevices_NamesThemAndSpreadsThemRoundRobinOverTheSites()
    {
        var plan = FleetPlan.Create(new FleetOptions());

        Assert.Equal(20, plan.Count);
        Assert.Equal("lille-0001", plan[0].Id);
        Assert.Equal("lille-0020", plan[19].Id);
        Assert.Equal(LilleSites.All[0], plan[0].Site);
        Assert.Equal(LilleSites.All[0], plan[LilleSites.All.Count].Site);
        Assert.Equal(LilleSites.All.Count, plan.Select(device => device.Site).Distinct().Count());
        Assert.Equal([true, false, false, true], plan.Take(4).Select(device => device.HasRainGauge));
    }

    [Fact]
    public void Create_DevicesOfOneSite_StandNearItButNotOnOnePoint()
    {
        var plan = FleetPlan.Create(new FleetOptions { DeviceCount = 100 });

        Assert.All(plan, device =>
        {
            Assert.InRange(device.Latitude - device.Site.Latitude, -0.0015, 0.0015);
            Assert.InRange(device.Longitude - device.Site.Longitude, -0.0022, 0.0022);
        });
        Assert.Equal(100, plan.Select(device => (device.Latitude, device.Longitude)).Distinct().Count());
    }

    [Fact]
    public async Task Create_SameSeed_SamePlanAndSameReadings()
    {
        var first = FleetPlan.Create(new FleetOptions { Seed = 42 });
        var again = FleetPlan.Create(new FleetOptions { Seed = 42 });
        var other = FleetPlan.Create(new FleetOptions { Seed = 43 });

        Assert.Equal(first, again);
        Assert.NotEqual(first.Select(device => device.Latitude), other.Select(device => device.Latitude));
        Assert.Equal(await ReadAllAsync(first), await ReadAllAsync(again));
        Assert.NotEqual(await ReadAllAsync(first), await ReadAllAsync(other));
    }

    [Fact]
    public void Create_AlternateRepresentations_OddDevicesUseTheOtherOne()
    {
        var plan = FleetPlan.Create(new FleetOptions { DeviceCount = 4, Representation = SenmlRepresentation.Cbor, AlternateRepresentations = true });

        Assert.Equal(
            [SenmlRepresentation.Cbor, SenmlRepresentation.Json, SenmlRepresentation.Cbor, SenmlRepresentation.Json],
            plan.Select(device => device.Representation));
    }

    [Fact]
    public void CreateSensors_DeviceWithRainGauge_CarriesTheAirSensorAndTheGauge()
    {
        var device = FleetPlan.Create(new FleetOptions())[0];

        var sensors = device.CreateSensors(TimeProvider.System);

        Assert.Equal([SimulatedAirSensor.PartId, SimulatedRainGauge.PartId], sensors.Select(sensor => sensor.Id));
    }

    /// <summary>Every value every device's sensors give over an hour of simulated time, read every minute.</summary>
    private static async Task<List<double>> ReadAllAsync(IReadOnlyList<SimulatedDevice> plan)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 7, 15, 12, 0, 0, TimeSpan.Zero));
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

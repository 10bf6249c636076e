using UrbanSensing.Protocol.Senml;
using UrbanSensing.Simulator.Sites;

namespace UrbanSensing.Simulator;

/// <summary>
/// Lays out a fleet: device <c>i</c> is <c>lille-{i+1:0000}</c>, stands at site <c>i mod sites</c> (round robin over
/// <see cref="LilleSites.All"/>) moved by up to about 150 m so that devices of one district are not on one point, and
/// every third device, from the first, also carries a rain gauge.
/// </summary>
public static class FleetPlan
{
    private const double LatitudeJitter = 0.0014;
    private const double LongitudeJitter = 0.0021;
    private const int RainGaugeEvery = 3;

    public static IReadOnlyList<SimulatedDevice> Create(FleetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var devices = new SimulatedDevice[options.DeviceCount];
        for (var index = 0; index < devices.Length; index++)
        {
            var seed = Seeds.Derive(options.Seed, index);
            var jitter = new Random(Seeds.Derive(seed, 0));
            var site = LilleSites.All[index % LilleSites.All.Count];
            var representation = options.AlternateRepresentations && index % 2 == 1
                ? Other(options.Representation)
                : options.Representation;
            devices[index] = new SimulatedDevice(
                index,
                $"lille-{index + 1:0000}",
                site,
                Math.Round(site.Latitude + (((jitter.NextDouble() * 2) - 1) * LatitudeJitter), 5),
                Math.Round(site.Longitude + (((jitter.NextDouble() * 2) - 1) * LongitudeJitter), 5),
                index % RainGaugeEvery == 0,
                representation,
                seed);
        }

        return devices;
    }

    private static SenmlRepresentation Other(SenmlRepresentation representation) =>
        representation == SenmlRepresentation.Json ? SenmlRepresentation.Cbor : SenmlRepresentation.Json;
}

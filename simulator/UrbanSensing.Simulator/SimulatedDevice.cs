using UrbanSensing.Firmware;
using UrbanSensing.Protocol.Senml;
using UrbanSensing.Simulator.Sensors;
using UrbanSensing.Simulator.Sites;

namespace UrbanSensing.Simulator;

/// <summary>One device of the fleet plan: where it stands, what it carries and how it encodes.</summary>
/// <param name="Index">Position in the fleet, from 0.</param>
/// <param name="Latitude">The site's latitude with the device's own small offset, WGS84 degrees.</param>
/// <param name="Longitude">The site's longitude with the device's own small offset, WGS84 degrees.</param>
/// <param name="Seed">The device's seed, derived from the fleet seed and the index; its sensors derive theirs from it.</param>
public sealed record SimulatedDevice(
    int Index,
    string Id,
    LilleSite Site,
    double Latitude,
    double Longitude,
    bool HasRainGauge,
    SenmlRepresentation Representation,
    int Seed)
{
    /// <summary>New sensors reading the given (simulated) clock; each has its own random source.</summary>
    public IReadOnlyList<ISensor> CreateSensors(TimeProvider timeProvider)
    {
        var air = new SimulatedAirSensor(Site.UrbanClass, timeProvider, Seeds.Derive(Seed, 1));
        return HasRainGauge ? [air, new SimulatedRainGauge(timeProvider, Seeds.Derive(Seed, 2))] : [air];
    }
}

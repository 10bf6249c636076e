using UrbanSensing.Firmware;
using UrbanSensing.Protocol.Senml;
using UrbanSensing.Registry;
using UrbanSensing.Simulator.Sensors;
using UrbanSensing.Simulator.Sites;

namespace UrbanSensing.Simulator;

/// <summary>One device of the fleet plan: where it stands, what it carries and how it encodes.</summary>
/// <param name="Index">Position in the fleet, from 0.</param>
/// <param name="Site">The registry site it stands at; it announces the site's coordinates as its own.</param>
/// <param name="HasAirSensor">Carries a simulated <see cref="SimulatedAirSensor"/>.</param>
/// <param name="HasRainGauge">Carries a simulated <see cref="SimulatedRainGauge"/>.</param>
/// <param name="HasAirQualitySensor">Carries a simulated <see cref="SimulatedAirQualitySensor"/>.</param>
/// <param name="IsRegistered">
/// The device is in the registry. One that is not was generated to reach the fleet's device count, and ingestion
/// flags its readings as unregistered.
/// </param>
/// <param name="Seed">The device's seed, derived from the fleet seed and the index; its sensors derive theirs from it.</param>
public sealed record SimulatedDevice(
    int Index,
    string Id,
    Site Site,
    bool HasAirSensor,
    bool HasRainGauge,
    bool HasAirQualitySensor,
    bool IsRegistered,
    SenmlRepresentation Representation,
    int Seed)
{
    /// <summary>Sets the device's simulated heat island, from its site's local climate zone.</summary>
    public UrbanClass UrbanClass => UrbanClassification.Of(Site.LocalClimateZone);

    /// <summary>New sensors reading the given (simulated) clock; each has its own random source.</summary>
    public IReadOnlyList<ISensor> CreateSensors(TimeProvider timeProvider)
    {
        var sensors = new List<ISensor>(3);
        if (HasAirSensor)
        {
            sensors.Add(new SimulatedAirSensor(UrbanClass, timeProvider, Seeds.Derive(Seed, 1)));
        }

        if (HasRainGauge)
        {
            sensors.Add(new SimulatedRainGauge(timeProvider, Seeds.Derive(Seed, 2)));
        }

        if (HasAirQualitySensor)
        {
            sensors.Add(new SimulatedAirQualitySensor(UrbanClass, timeProvider, Seeds.Derive(Seed, 3)));
        }

        return sensors;
    }
}

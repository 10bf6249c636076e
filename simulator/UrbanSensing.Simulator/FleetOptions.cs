using System.ComponentModel.DataAnnotations;
using UrbanSensing.Protocol.Senml;

namespace UrbanSensing.Simulator;

/// <summary>Configuration of a simulated fleet (section <c>Simulator</c>).</summary>
public sealed class FleetOptions
{
    public const string SectionName = "Simulator";

    /// <summary>
    /// Devices to simulate: the registry's first, in file order, then generated ones the registry does not know
    /// (<see cref="FleetPlan"/>); zero runs none.
    /// </summary>
    [Range(0, 10_000)]
    public int DeviceCount { get; set; } = 20;

    /// <summary>The same seed gives the same fleet plan and, at the same simulated times, the same readings.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Time between two sampling rounds of each device, in simulated time.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan SamplingInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times faster than the wall clock simulated time runs.</summary>
    [Range(0.001, 1_000_000.0)]
    public double TimeScale { get; set; } = 1;

    /// <summary>The simulated instant the run starts at; <see langword="null"/> for now.</summary>
    public DateTimeOffset? Start { get; set; }

    /// <summary>Readings each device produces before it stops; <see langword="null"/> runs until cancelled.</summary>
    [Range(typeof(long), "1", "9223372036854775807")]
    public long? ReadingsPerDevice { get; set; }

    [Range(1, 10_000)]
    public int ReadingsPerMessage { get; set; } = 10;

    [EnumDataType(typeof(SenmlRepresentation))]
    public SenmlRepresentation Representation { get; set; } = SenmlRepresentation.Json;

    /// <summary>Odd-numbered devices use the other SenML representation, so one fleet exercises both decoders.</summary>
    public bool AlternateRepresentations { get; set; }
}

namespace UrbanSensing.Protocol;

/// <summary>A physical quantity the network measures, with the SenML/UCUM unit it travels in.</summary>
/// <param name="Name">Stable identifier used in SenML names, topics, the store and the API.</param>
/// <param name="Unit">SenML unit symbol (RFC 8428 and RFC 8798 registry).</param>
/// <param name="Domain">The part of the environment it describes.</param>
/// <param name="Description">What a person reads in lists and charts.</param>
public sealed record Quantity(string Name, string Unit, Domain Domain, string Description)
{
    public override string ToString() => Name;
}

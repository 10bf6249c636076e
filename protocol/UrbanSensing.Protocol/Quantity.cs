namespace UrbanSensing.Protocol;

/// <summary>A physical quantity the network measures, with the SenML/UCUM unit it travels in.</summary>
/// <param name="Name">Stable identifier used in SenML names, topics, the store and the API.</param>
/// <param name="Unit">SenML unit symbol (RFC 8428 and RFC 8798 registry); values of this quantity are in it once ingested.</param>
/// <param name="Domain">The part of the environment it describes.</param>
/// <param name="Description">What a person reads in lists and charts.</param>
/// <param name="PlausibleMinimum">The lowest value, in <paramref name="Unit"/>, a working sensor can report; lower is a fault.</param>
/// <param name="PlausibleMaximum">The highest value, in <paramref name="Unit"/>, a working sensor can report; higher is a fault.</param>
public sealed record Quantity(
    string Name,
    string Unit,
    Domain Domain,
    string Description,
    double PlausibleMinimum,
    double PlausibleMaximum)
{
    /// <summary>Whether <paramref name="value"/> lies in the plausible range, both ends included.</summary>
    public bool IsPlausible(double value) => value >= PlausibleMinimum && value <= PlausibleMaximum;

    public override string ToString() => Name;
}

using UrbanSensing.Protocol;

namespace UrbanSensing.Api.Registry;

/// <param name="Unit">The SenML unit values are stored and returned in.</param>
/// <param name="Domain">air, water, rain or surface.</param>
public sealed record QuantityResponse(string Name, string Unit, string Domain, string Description, double PlausibleMinimum, double PlausibleMaximum)
{
    public static QuantityResponse From(Quantity quantity)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        return new(quantity.Name, quantity.Unit, quantity.Domain.ToString().ToLowerInvariant(), quantity.Description, quantity.PlausibleMinimum, quantity.PlausibleMaximum);
    }
}

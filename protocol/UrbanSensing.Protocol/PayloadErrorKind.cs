namespace UrbanSensing.Protocol;

/// <summary>What is wrong with a telemetry payload, coarse enough to count.</summary>
public enum PayloadErrorKind
{
    /// <summary>Not valid in its format (SenML JSON or CBOR, line protocol), or not shaped as UrbanSensing readings.</summary>
    Malformed,

    /// <summary>Names a quantity that is not in <see cref="Quantities"/>.</summary>
    UnknownQuantity,

    /// <summary>No unit, a unit outside the SenML registry, or a registered unit that cannot express the quantity.</summary>
    UnknownUnit,
}

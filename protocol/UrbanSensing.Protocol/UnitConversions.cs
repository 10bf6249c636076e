using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using UrbanSensing.Protocol.Senml;

namespace UrbanSensing.Protocol;

/// <summary>
/// The registered SenML units a reading may be sent in besides its quantity's own unit, and how each converts to it.
/// Only units of the SenML registry are accepted, and only where the conversion is exact and cannot be misread;
/// protocol/README.md tables them with the reason for each choice.
/// </summary>
public static class UnitConversions
{
    /// <summary>Every conversion to a canonical unit other than the identity, grouped by canonical unit.</summary>
    public static IReadOnlyList<UnitConversion> All { get; } =
    [
        // RFC 8428: Cel is kelvin offset by 273.15.
        new("K", "Cel", 1m, -273.15m),

        // The ratio "/" as a percentage, and RFC 8798's "/100" (percent, 1/100 of "/") as it is. The old unit "%" is
        // not here: RFC 8428 defines it as the ratio 0..1 despite its name, so 55 "%" is ambiguous.
        new("/", "%RH", 100m, 0m),
        new("/100", "%RH", 1m, 0m),

        // RFC 8798: hPa = 100 Pa.
        new("hPa", "Pa", 100m, 0m),

        // RFC 8798: ug/m3 = 1e-9 kg/m3. mg/m3 is not in the registry.
        new("kg/m3", "ug/m3", 1_000_000_000m, 0m),

        // RFC 8798: ppm = 1e-6 "/", "/1000" = 1e-3 "/", "/100" = 1e-2 "/".
        new("/", "ppm", 1_000_000m, 0m),
        new("/100", "ppm", 10_000m, 0m),
        new("/1000", "ppm", 1_000m, 0m),

        // RFC 8798: mm = 1e-3 m, cm = 1e-2 m.
        new("cm", "mm", 10m, 0m),
        new("m", "mm", 1_000m, 0m),
        new("cm", "m", 0.01m, 0m),
        new("mm", "m", 0.001m, 0m),
    ];

    private static readonly FrozenDictionary<(string Unit, string CanonicalUnit), UnitConversion> ByUnits =
        All.Concat(Quantities.All.Select(quantity => quantity.Unit).Distinct().Select(unit => new UnitConversion(unit, unit, 1m, 0m)))
            .ToFrozenDictionary(conversion => (conversion.Unit, conversion.CanonicalUnit));

    /// <summary>The conversion of values sent in <paramref name="unit"/> to <paramref name="quantity"/>'s unit (the identity when they match).</summary>
    /// <param name="reason">Why the unit is refused, naming it, the quantity and the units it may be sent in.</param>
    /// <returns>False for a unit outside the SenML registry or one that cannot express the quantity.</returns>
    public static bool TryFind(
        Quantity quantity,
        string unit,
        [NotNullWhen(true)] out UnitConversion? conversion,
        [NotNullWhen(false)] out string? reason)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        ArgumentNullException.ThrowIfNull(unit);
        if (ByUnits.TryGetValue((unit, quantity.Unit), out conversion))
        {
            reason = null;
            return true;
        }

        if (!SenmlUnits.Registered.Contains(unit))
        {
            reason = $"unknown unit '{unit}': not in the SenML units registry; {quantity.Name} is sent in '{quantity.Unit}'";
            return false;
        }

        var convertible = ConvertibleUnits(quantity);
        reason = convertible.Count == 0
            ? $"the unit '{unit}' is not accepted for {quantity.Name}; it is sent in '{quantity.Unit}'"
            : $"the unit '{unit}' is not accepted for {quantity.Name}; it is sent in '{quantity.Unit}' (convertible units: {string.Join(", ", convertible)})";
        return false;
    }

    /// <summary>The units besides its own that <paramref name="quantity"/> may be sent in.</summary>
    public static IReadOnlyList<string> ConvertibleUnits(Quantity quantity)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        return [.. All.Where(conversion => conversion.CanonicalUnit == quantity.Unit).Select(conversion => conversion.Unit)];
    }
}

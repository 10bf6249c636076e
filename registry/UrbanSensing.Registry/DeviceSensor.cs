using System.Diagnostics.CodeAnalysis;
using UrbanSensing.Protocol;

namespace UrbanSensing.Registry;

/// <summary>A sensor part on a device, the quantities it measures and their calibrations.</summary>
/// <param name="Name">The sensor's name in readings (for example <c>sht31</c>); unique on its device.</param>
/// <param name="Quantities">What it measures, each once.</param>
/// <param name="Calibrations">Corrections of some of <paramref name="Quantities"/>; the others are used as measured.</param>
public sealed record DeviceSensor(
    string Name,
    IReadOnlyList<Quantity> Quantities,
    IReadOnlyDictionary<Quantity, Calibration> Calibrations)
{
    public bool Measures(Quantity quantity) => Quantities.Contains(quantity);

    /// <summary>
    /// The calibration of a quantity the sensor measures, <see cref="Calibration.Identity"/> when none is given;
    /// <see langword="false"/> when it does not measure the quantity.
    /// </summary>
    public bool TryGetCalibration(Quantity quantity, [NotNullWhen(true)] out Calibration? calibration)
    {
        calibration = Measures(quantity) ? Calibrations.GetValueOrDefault(quantity, Calibration.Identity) : null;
        return calibration is not null;
    }
}

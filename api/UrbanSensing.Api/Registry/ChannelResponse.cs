using UrbanSensing.Protocol;
using UrbanSensing.Registry;

namespace UrbanSensing.Api.Registry;

/// <summary>One series of the network: a device's sensor measuring one quantity, where it stands, and its calibration.</summary>
/// <param name="Factor">Ingestion stores raw × factor + offset.</param>
/// <param name="CalibrationNote">Where the calibration comes from, when the registry says.</param>
public sealed record ChannelResponse(
    string Device,
    string Sensor,
    string Quantity,
    string Unit,
    string Site,
    string District,
    string Lcz,
    double Factor,
    double Offset,
    string? CalibrationNote)
{
    public static ChannelResponse From(Device device, DeviceSensor sensor, Quantity quantity)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(sensor);
        ArgumentNullException.ThrowIfNull(quantity);
        var calibration = sensor.TryGetCalibration(quantity, out var given) ? given : Calibration.Identity;
        return new(
            device.Id,
            sensor.Name,
            quantity.Name,
            quantity.Unit,
            device.Site.Id,
            device.Site.District,
            device.Site.LocalClimateZone.Code,
            calibration.Factor,
            calibration.Offset,
            calibration.Note);
    }
}

namespace UrbanSensing.Storage;

/// <summary>Where a device stands, as the registry says, written beside its readings in exports.</summary>
public sealed record DevicePlace(string DeviceId, string? Site, string? District, string? Lcz);

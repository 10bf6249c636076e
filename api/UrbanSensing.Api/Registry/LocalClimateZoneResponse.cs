namespace UrbanSensing.Api.Registry;

/// <param name="Code">Stewart and Oke's code: 1 to 10 for built types, A to G for land cover.</param>
public sealed record LocalClimateZoneResponse(string Code, string Name, bool Built);

namespace UrbanSensing.Api;

public sealed record HealthCheckResponse(string Status, string? Description);

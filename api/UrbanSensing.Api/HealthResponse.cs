namespace UrbanSensing.Api;

public sealed record HealthResponse(string Status, IReadOnlyDictionary<string, HealthCheckResponse> Checks);

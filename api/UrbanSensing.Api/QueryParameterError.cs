namespace UrbanSensing.Api;

public sealed record QueryParameterError(string Parameter, string Message);

namespace UrbanSensing.Api.Readings;

/// <summary>Either a request or the parameter that made it invalid.</summary>
public sealed record ParsedReadingRequest(ReadingRequest? Request, QueryParameterError? Error)
{
    public static ParsedReadingRequest Valid(ReadingRequest request) => new(request, null);

    public static ParsedReadingRequest Invalid(string parameter, string message) => new(null, new QueryParameterError(parameter, message));
}

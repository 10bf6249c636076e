using UrbanSensing.Storage;

namespace UrbanSensing.Api;

/// <summary>Either a query or the parameter that made it invalid.</summary>
public sealed record ParsedReadingQuery(ReadingQuery? Query, QueryParameterError? Error)
{
    public static ParsedReadingQuery Valid(ReadingQuery query) => new(query, null);

    public static ParsedReadingQuery Invalid(string parameter, string message) => new(null, new QueryParameterError(parameter, message));
}

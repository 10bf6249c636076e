using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace UrbanSensing.Api;

/// <summary>RFC 9457 problem details the endpoints answer bad requests with, naming the parameter at fault.</summary>
internal static class ApiProblems
{
    public static ValidationProblem Parameter(string parameter, string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [parameter] = [message] },
            detail: $"Query parameter '{parameter}': {message}",
            title: $"Invalid query parameter '{parameter}'");
}

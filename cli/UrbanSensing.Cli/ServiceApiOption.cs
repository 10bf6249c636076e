using System.CommandLine;

namespace UrbanSensing.Cli;

/// <summary>The <c>--api</c> option of the commands that work through a running service's HTTP API.</summary>
internal static class ServiceApiOption
{
    public static Option<Uri> Create() => new("--api")
    {
        Description = "The running service's HTTP API",
        DefaultValueFactory = _ => new Uri("http://127.0.0.1:8080"),
        CustomParser = result =>
        {
            if (Uri.TryCreate(result.Tokens.Single().Value, UriKind.Absolute, out var uri))
            {
                return uri;
            }

            result.AddError($"--api: '{result.Tokens.Single().Value}' is not an absolute URL such as http://127.0.0.1:8080");
            return null;
        },
    };
}

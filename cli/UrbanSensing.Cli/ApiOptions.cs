using System.ComponentModel.DataAnnotations;

namespace UrbanSensing.Cli;

public sealed class ApiOptions : IValidatableObject
{
    public const string SectionName = "Api";

    /// <summary>Where the HTTP API listens; loopback by default.</summary>
    [Required]
    [Url]
    public string Url { get; set; } = "http://127.0.0.1:8080";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.Port is < 0 or > 65535)
        {
            yield return new ValidationResult($"'{Url}' is not an http:// URL with a port from 0 to 65535", [nameof(Url)]);
        }
    }
}

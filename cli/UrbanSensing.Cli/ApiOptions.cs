using System.ComponentModel.DataAnnotations;

namespace UrbanSensing.Cli;

public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>Where the HTTP API listens; loopback by default.</summary>
    [Required]
    [Url]
    public string Url { get; set; } = "http://127.0.0.1:8080";
}

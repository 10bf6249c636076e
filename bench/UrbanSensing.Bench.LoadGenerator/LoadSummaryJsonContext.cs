using System.Text.Json.Serialization;

namespace UrbanSensing.Bench.LoadGenerator;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(LoadSummary))]
internal sealed partial class LoadSummaryJsonContext : JsonSerializerContext;

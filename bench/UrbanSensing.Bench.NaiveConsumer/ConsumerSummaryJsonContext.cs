using System.Text.Json.Serialization;

namespace UrbanSensing.Bench.NaiveConsumer;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ConsumerSummary))]
internal sealed partial class ConsumerSummaryJsonContext : JsonSerializerContext;

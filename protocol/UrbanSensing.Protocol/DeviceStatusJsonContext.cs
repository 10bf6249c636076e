using System.Text.Json.Serialization;

namespace UrbanSensing.Protocol;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DeviceStatus))]
internal sealed partial class DeviceStatusJsonContext : JsonSerializerContext;

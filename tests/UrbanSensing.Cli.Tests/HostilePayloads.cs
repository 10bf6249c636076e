using System.Text;
using UrbanSensing.Protocol;

namespace UrbanSensing.Cli.Tests;

/// <summary>Malformed, truncated, oversized and hostile telemetry and status payloads, each one a dead letter.</summary>
internal static class HostilePayloads
{
    public static IEnumerable<(string Topic, byte[] Payload)> Generate(int count)
    {
        var random = new Random(8428);
        var valid = LoadPublisher.Pack("hostile-0", 0);
        for (var index = 0; index < count; index++)
        {
            var deviceId = $"hostile-{index % 50}";
            var telemetry = Topics.Telemetry(deviceId);
            yield return (index % 12) switch
            {
                0 => (telemetry, valid[..random.Next(1, valid.Length - 1)]),
                1 => (telemetry, RandomBytes(random, random.Next(1, 200))),
                2 => (telemetry, Encoding.UTF8.GetBytes($$"""[{"bn":"{{deviceId}}/","n":"sht31/air-temperature","u":"degF","v":{{index}}}]""")),
                3 => (telemetry, Encoding.UTF8.GetBytes($$"""[{"bn":"{{deviceId}}/","n":"sht31/unobtainium","u":"Cel","v":1}]""")),
                4 => (telemetry, Encoding.UTF8.GetBytes(new string('[', 10_000))),
                5 => (telemetry, Encoding.UTF8.GetBytes($$"""[{"bn":"someone-else/","n":"sht31/air-temperature","u":"Cel","v":20}]""")),
                6 => (telemetry, [0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1]),
                7 => (telemetry, Encoding.UTF8.GetBytes($$"""[{"bn":"{{deviceId}}/","n":"sht31/air-temperature","u":"Cel","v":"warm"}]""")),
                8 => (Topics.Status(deviceId), Encoding.UTF8.GetBytes("{\"state\":")),
                9 => (telemetry, Encoding.UTF8.GetBytes($$"""[{"bn":"{{deviceId}}/","n":"../../etc/passwd","u":"Cel","v":1}]""")),
                10 => (telemetry, index % 1_200 == 10 ? RandomBytes(random, 300_000) : [0x9f, 0xa1, 0x61]),
                _ => (telemetry, Encoding.UTF8.GetBytes($$"""[{"bn":"{{deviceId}}/","n":"sht31/air-temperature","u":"Cel","v":1,"evil_":true}]""")),
            };
        }
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        bytes[0] = (byte)'x';
        return bytes;
    }
}

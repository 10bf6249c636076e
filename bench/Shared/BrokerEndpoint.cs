using System.CommandLine.Parsing;
using System.Globalization;

namespace UrbanSensing.Bench.Shared;

/// <summary>An MQTT broker address given as <c>host[:port]</c> on the command line.</summary>
internal sealed record BrokerEndpoint(string Host, int Port)
{
    public const int DefaultPort = 1883;

    /// <summary>Parser of a <c>--broker</c> option; reports an error on the option rather than throwing.</summary>
    public static BrokerEndpoint? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        var colon = text.LastIndexOf(':');
        if (colon < 0 && text.Length > 0)
        {
            return new BrokerEndpoint(text, DefaultPort);
        }

        if (colon > 0
            && int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            && port is >= 1 and <= 65535)
        {
            return new BrokerEndpoint(text[..colon], port);
        }

        result.AddError($"'{text}' is not host[:port] with a port from 1 to 65535");
        return null;
    }

    public override string ToString() => $"{Host}:{Port}";
}

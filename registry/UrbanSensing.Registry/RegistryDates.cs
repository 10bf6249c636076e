using System.Globalization;

namespace UrbanSensing.Registry;

/// <summary>
/// The installation and removal instants of the devices file: an ISO 8601 date, meaning midnight UTC at its start, or
/// an ISO 8601 date and time with an offset. A date and time without an offset is refused: it would mean local time
/// of whichever machine reads the file.
/// </summary>
internal static class RegistryDates
{
    public const string Expectation =
        "an ISO 8601 date such as \"2025-03-01\" (midnight UTC) or a date and time with an offset such as \"2025-03-01T09:30:00+01:00\" or \"2025-03-01T08:30:00Z\"";

    private const string DateFormat = "yyyy-MM-dd";
    private const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz";

    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:sszzz", DateTimeFormat, "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    public static bool TryParse(string text, out DateTimeOffset instant)
    {
        if (DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            instant = new DateTimeOffset(date, TimeOnly.MinValue, TimeSpan.Zero);
            return true;
        }

        return DateTimeOffset.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);
    }

    /// <summary>A date alone when the instant is midnight UTC, as files are written by hand; otherwise the full instant.</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.Offset == TimeSpan.Zero && instant.TimeOfDay == TimeSpan.Zero
            ? instant.ToString(DateFormat, CultureInfo.InvariantCulture)
            : instant.ToString(DateTimeFormat, CultureInfo.InvariantCulture);
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace UrbanSensing.Storage.Aggregation;

/// <summary>
/// The windows readings are aggregated over, on the wall clock of a time zone: minutes that divide an hour, hours
/// that divide a day, one day, one (ISO) week or one month. Written as <c>15m</c>, <c>1h</c>, <c>1d</c>, <c>1w</c>, <c>1mo</c>.
/// </summary>
public readonly record struct AggregationWindow
{
    private static readonly int[] MinuteCounts = [1, 2, 5, 10, 15, 20, 30];
    private static readonly int[] HourCounts = [1, 2, 3, 4, 6, 8, 12];

    private AggregationWindow(int count, WindowUnit unit) => (Count, Unit) = (count, unit);

    public int Count { get; }

    public WindowUnit Unit { get; }

    public static AggregationWindow OneMinute { get; } = new(1, WindowUnit.Minute);

    public static AggregationWindow OneHour { get; } = new(1, WindowUnit.Hour);

    public static AggregationWindow OneDay { get; } = new(1, WindowUnit.Day);

    public static AggregationWindow OneWeek { get; } = new(1, WindowUnit.Week);

    public static AggregationWindow OneMonth { get; } = new(1, WindowUnit.Month);

    /// <summary>Every window there is, shortest first.</summary>
    public static IReadOnlyList<AggregationWindow> All { get; } =
    [
        .. MinuteCounts.Select(count => new AggregationWindow(count, WindowUnit.Minute)),
        .. HourCounts.Select(count => new AggregationWindow(count, WindowUnit.Hour)),
        OneDay, OneWeek, OneMonth,
    ];

    /// <summary>The length of a window when it does not depend on the calendar (minutes and hours).</summary>
    public TimeSpan? FixedLength => Unit switch
    {
        WindowUnit.Minute => TimeSpan.FromMinutes(Count),
        WindowUnit.Hour => TimeSpan.FromHours(Count),
        _ => null,
    };

    /// <summary>The shortest a window can last (a day of 23 hours, a month of 28 days): a range holds at most its length divided by it, plus one.</summary>
    public TimeSpan ShortestLength => FixedLength ?? Unit switch
    {
        WindowUnit.Day => TimeSpan.FromHours(23),
        WindowUnit.Week => TimeSpan.FromDays(7) - TimeSpan.FromHours(1),
        _ => TimeSpan.FromDays(28) - TimeSpan.FromHours(1),
    };

    public static bool TryParse(string? text, out AggregationWindow window)
    {
        window = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        if (digits is 0 or > 2 || !int.TryParse(text.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return false;
        }

        WindowUnit? unit = text[digits..] switch
        {
            "m" => WindowUnit.Minute,
            "h" => WindowUnit.Hour,
            "d" => WindowUnit.Day,
            "w" => WindowUnit.Week,
            "mo" => WindowUnit.Month,
            _ => null,
        };
        var candidate = unit is { } known ? new AggregationWindow(count, known) : default;
        if (unit is null || !All.Contains(candidate))
        {
            return false;
        }

        window = candidate;
        return true;
    }

    /// <exception cref="FormatException">The text is not one of <see cref="All"/>; the message lists them.</exception>
    public static AggregationWindow Parse(string text) =>
        TryParse(text, out var window)
            ? window
            : throw new FormatException($"'{text}' is not an aggregation window; use one of {AllowedText}");

    /// <summary>The allowed windows as they are written, for error messages.</summary>
    public static string AllowedText => string.Join(", ", All);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Count}{Suffix}");

    [SuppressMessage("Style", "IDE0072:Add missing cases", Justification = "Every unit is listed.")]
    private string Suffix => Unit switch
    {
        WindowUnit.Minute => "m",
        WindowUnit.Hour => "h",
        WindowUnit.Day => "d",
        WindowUnit.Week => "w",
        _ => "mo",
    };
}

namespace UrbanSensing.Cli.Export;

/// <summary>One request's share of a long query: [<paramref name="From"/>, <paramref name="To"/>).</summary>
internal sealed record QuerySlice(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>
    /// Raw readings by UTC day. Aggregated readings by calendar month of the query's time zone when the window is a
    /// day or shorter (a local month start is a window boundary then), otherwise in one piece.
    /// </summary>
    public static IReadOnlyList<QuerySlice> Of(DateTimeOffset from, DateTimeOffset to, string? window, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        if (window is not null && window is not ("1w" or "1mo"))
        {
            return Split(from, to, local => new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(1), timeZone);
        }

        return window is null
            ? Split(from, to, local => local.Date.AddDays(1), TimeZoneInfo.Utc)
            : [new QuerySlice(from, to)];
    }

    private static List<QuerySlice> Split(DateTimeOffset from, DateTimeOffset to, Func<DateTime, DateTime> nextLocalBoundary, TimeZoneInfo zone)
    {
        var slices = new List<QuerySlice>();
        var start = from;
        while (start < to)
        {
            var local = TimeZoneInfo.ConvertTime(start, zone).DateTime;
            var boundaryLocal = nextLocalBoundary(local);
            var boundary = new DateTimeOffset(boundaryLocal, zone.GetUtcOffset(boundaryLocal));
            var end = boundary < to ? boundary : to;
            slices.Add(new QuerySlice(start, end));
            start = end;
        }

        return slices;
    }
}

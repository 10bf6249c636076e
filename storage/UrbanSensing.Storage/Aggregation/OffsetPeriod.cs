namespace UrbanSensing.Storage.Aggregation;

/// <summary>An interval [<paramref name="Start"/>, <paramref name="End"/>) over which a time zone's UTC offset is <paramref name="Offset"/>.</summary>
/// <param name="Start"><see cref="DateTimeOffset.MinValue"/> for the first period asked for.</param>
/// <param name="End"><see cref="DateTimeOffset.MaxValue"/> for the last period asked for.</param>
/// <param name="PreviousOffset">The offset just before <paramref name="Start"/>; the same as <paramref name="Offset"/> for the first period.</param>
public sealed record OffsetPeriod(DateTimeOffset Start, DateTimeOffset End, TimeSpan Offset, TimeSpan PreviousOffset);

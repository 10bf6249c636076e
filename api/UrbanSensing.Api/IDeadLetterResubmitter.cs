namespace UrbanSensing.Api;

/// <summary>Feeds dead letters back into the ingestion, after a fix to a device or to the decoder.</summary>
public interface IDeadLetterResubmitter
{
    /// <summary>
    /// Resubmits the dead letters with these ids (every stored one, up to a limit, when null). Each goes through the
    /// pipeline again: accepted, it is stored and its dead letter removed; rejected again, a new dead letter with the
    /// new reason replaces it. Returns how many were resubmitted.
    /// </summary>
    Task<int> ResubmitAsync(IReadOnlyCollection<long>? ids, CancellationToken cancellationToken = default);
}

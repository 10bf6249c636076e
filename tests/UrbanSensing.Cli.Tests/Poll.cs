namespace UrbanSensing.Cli.Tests;

/// <summary>Waiting on asynchronous systems: ask again until the answer is right or the patience runs out.</summary>
internal static class Poll
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public static async Task UntilAsync(Func<Task<bool>> condition, CancellationToken cancellationToken, TimeSpan? patience = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(patience ?? Patience);
        while (!await condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
        }
    }
}

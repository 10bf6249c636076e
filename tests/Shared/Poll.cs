namespace UrbanSensing.Tests.Shared;

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
            await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
        }
    }

    public static Task UntilAsync(Func<bool> condition, CancellationToken cancellationToken, TimeSpan? patience = null) =>
        UntilAsync(() => Task.FromResult(condition()), cancellationToken, patience);

    /// <summary>Asks <paramref name="probe"/> until its answer satisfies <paramref name="done"/>, and returns that answer.</summary>
    public static async Task<T> ForAsync<T>(Func<Task<T>> probe, Func<T, bool> done, CancellationToken cancellationToken, TimeSpan? patience = null)
    {
        var answer = default(T)!;
        await UntilAsync(
            async () =>
            {
                answer = await probe();
                return done(answer);
            },
            cancellationToken,
            patience);
        return answer;
    }
}

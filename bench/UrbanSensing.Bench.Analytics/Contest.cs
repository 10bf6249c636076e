namespace UrbanSensing.Bench.Analytics;

/// <summary>
/// Runs contenders in turn, run after run, so each sees the same machine: on shared, noisy cores only figures of the
/// same run compare. The first contender of a round rotates, so none always follows another's garbage, and a full
/// collection before each run keeps one run's garbage from billing the next.
/// </summary>
internal static class Contest
{
    public static async Task<Timings[]> RunAsync(int warmups, int runs, params Contender[] contenders)
    {
        for (var round = 0; round < warmups; round++)
        {
            foreach (var contender in contenders)
            {
                contender.Prepare?.Invoke();
                await contender.Run(new StageClock()).ConfigureAwait(false);
            }
        }

        var timings = contenders.Select(contender => new Timings(contender.Name)).ToArray();
        for (var round = 0; round < runs; round++)
        {
            for (var turn = 0; turn < contenders.Length; turn++)
            {
                var index = (round + turn) % contenders.Length;
                await TimeAsync(contenders[index], timings[index]).ConfigureAwait(false);
            }
        }

        return timings;
    }

    private static async Task TimeAsync(Contender contender, Timings timings)
    {
        contender.Prepare?.Invoke();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var paused = GC.GetTotalPauseDuration();
        var clock = new StageClock();
        await contender.Run(clock).ConfigureAwait(false);
        timings.Add(clock, GC.GetTotalAllocatedBytes(precise: true) - allocated, GC.GetTotalPauseDuration() - paused);
    }
}

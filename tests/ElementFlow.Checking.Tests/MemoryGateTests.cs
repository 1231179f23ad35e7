namespace ElementFlow.Checking.Tests;

public sealed class MemoryGateTests
{
    [Fact]
    public async Task WaitForRoom_NothingRunning_StartsEvenOverBudget()
    {
        var wait = MemoryGate.WaitForRoom(() => 0, budget: 1, CancellationToken.None);

        await wait.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(wait.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task WaitForRoom_OverBudgetWhileOneRuns_WaitsUntilItEnds()
    {
        var running = 1;
        var wait = MemoryGate.WaitForRoom(() => Volatile.Read(ref running), budget: 1, CancellationToken.None);
        await Task.Delay(500);
        Assert.False(wait.IsCompleted);

        Volatile.Write(ref running, 0);

        await wait.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(wait.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task WaitForRoom_UnderBudget_StartsBesideARunningCheck()
    {
        var wait = MemoryGate.WaitForRoom(() => 1, budget: long.MaxValue, CancellationToken.None);

        await wait.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(wait.IsCompletedSuccessfully);
    }
}

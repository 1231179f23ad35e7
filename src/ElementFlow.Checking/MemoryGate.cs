namespace ElementFlow.Checking;

/// <summary>
/// Lets a host that runs several checks at once (the review server's queue, a silo's workshop) start another only
/// while the managed heap is below a budget. A check alone always starts: a plan bigger than the budget is slow, not
/// refused.
/// </summary>
public static class MemoryGate
{
    /// <summary>The default budget: half of the memory the runtime may use, leaving room for the check that runs and a neighbour on the host.</summary>
    public static long DefaultBudget => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2;

    /// <summary>Waits while <paramref name="running"/> says a check runs and the managed heap is above <paramref name="budget"/>.</summary>
    public static async Task WaitForRoom(Func<int> running, long budget, CancellationToken cancellation)
    {
        while (running() > 0 && GC.GetTotalMemory(forceFullCollection: false) > budget)
        {
            await Task.Delay(200, cancellation);
        }
    }
}

using ElementFlow.Review.Ledger;

namespace ElementFlow.Review;

/// <summary>Runs tasks on this process's thread pool, <see cref="ReviewRequest.Workers"/> at a time: plan tasks first, then the cross-plan tasks.</summary>
public sealed class InProcessDispatcher : ITaskDispatcher
{
    public IReadOnlyList<TaskRecord> RunAll(IReadOnlyList<ReviewTask> tasks, ReviewRequest request, ITaskRunner runner, IReviewLedger ledger, Action<TaskRecord, bool> finished, CancellationToken cancellation)
    {
        var records = new TaskRecord[tasks.Count];
        var worker = $"{Environment.MachineName}:{Environment.ProcessId}";
        var language = request.Check.Settings.Language;
        foreach (var kind in new[] { TaskKind.Plan, TaskKind.Cross })
        {
            var indexes = Enumerable.Range(0, tasks.Count).Where(i => tasks[i].Kind == kind).ToList();
            Parallel.ForEach(indexes, new ParallelOptions { MaxDegreeOfParallelism = request.Workers, CancellationToken = cancellation }, i =>
            {
                var (record, resumed) = TaskExecution.Execute(tasks[i], runner, ledger, request.MaxAttempts, worker, language, request.ToolVersion, cancellation);
                records[i] = record;
                finished(record, resumed);
            });
        }

        return records;
    }
}

using System.Collections.Concurrent;
using ElementFlow.Review.Cluster.Grains;
using ElementFlow.Review.Cluster.Messages;
using ElementFlow.Review.Ledger;
using Orleans.Runtime;

namespace ElementFlow.Review.Cluster.Client;

/// <summary>
/// Runs a review's tasks on the silos of a cluster. Orleans places each dispatch on a live silo and tells who is alive;
/// this adds what a review needs on top: the ledger says when a task is done, a task whose silo left the membership or
/// whose lease ran out (a silent silo) is dispatched again, and a task that used its attempts becomes ENGINE-FAILED.
/// A silo cut off that finishes late cannot count a plan twice: its attempt is fenced in the ledger.
/// </summary>
public sealed class ClusterDispatcher(IClusterClient client, LedgerSpec ledgerSpec, WorkSettings settings, ClusterDispatchOptions? options = null) : ITaskDispatcher
{
    private readonly ClusterDispatchOptions _options = options ?? new ClusterDispatchOptions();
    private readonly string _client = $"{Environment.MachineName}:{Environment.ProcessId}";
    private IReadOnlySet<string> _alive = new HashSet<string>(StringComparer.Ordinal);
    private DateTimeOffset _aliveAt = DateTimeOffset.MinValue;
    private DateTimeOffset _someoneAliveAt = DateTimeOffset.UtcNow;
    private long _dispatches;
    private readonly ConcurrentDictionary<string, bool> _notTaken = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _workers = new(StringComparer.Ordinal);
    private readonly Wakeups _wakeups = new();

    /// <summary>Told of each dispatch after the first of a task (why, and where the task was), for the progress lines.</summary>
    public event EventHandler<string>? Redispatched;

    public IReadOnlyList<TaskRecord> RunAll(IReadOnlyList<ReviewTask> tasks, ReviewRequest request, ITaskRunner runner, IReviewLedger ledger, Action<TaskRecord, bool> finished, CancellationToken cancellation) =>
        // Off any synchronization context of the caller: the callers block, the dispatch awaits.
        Task.Run(() => RunAllAsync(tasks, request, ledger, finished, cancellation), cancellation).GetAwaiter().GetResult();

    private async Task<IReadOnlyList<TaskRecord>> RunAllAsync(IReadOnlyList<ReviewTask> tasks, ReviewRequest request, IReviewLedger ledger, Action<TaskRecord, bool> finished, CancellationToken cancellation)
    {
        var records = new TaskRecord[tasks.Count];
        var observer = client.CreateObjectReference<IReviewObserver>(_wakeups);
        try
        {
            foreach (var kind in new[] { TaskKind.Plan, TaskKind.Cross })
            {
                var waiting = new Queue<int>(Enumerable.Range(0, tasks.Count).Where(i => tasks[i].Kind == kind));
                var running = new Dictionary<Task<(TaskRecord, bool)>, int>();
                while (waiting.Count > 0 || running.Count > 0)
                {
                    var window = Window(await Alive(cancellation));
                    while (waiting.Count > 0 && running.Count < window)
                    {
                        var i = waiting.Dequeue();
                        running.Add(Drive(tasks[i], request, ledger, observer, cancellation), i);
                    }

                    var ended = await Task.WhenAny(running.Keys);
                    var index = running[ended];
                    running.Remove(ended);
                    var (record, resumed) = await ended;
                    records[index] = record;
                    finished(record, resumed);
                }
            }
        }
        finally
        {
            client.DeleteObjectReference<IReviewObserver>(observer);
        }

        return records;
    }

    /// <summary>Tasks to keep outstanding: per live silo, its workers (as its acceptances said) times <see cref="ClusterDispatchOptions.TasksPerWorker"/>.</summary>
    private int Window(IReadOnlySet<string> alive) =>
        Math.Max(1, alive.Sum(s => _workers.TryGetValue(s, out var n) ? n : _options.AssumedWorkers) * _options.TasksPerWorker);

    /// <summary>One task to its record: dispatch, watch the ledger and the membership, dispatch again when its silo is gone.</summary>
    private async Task<(TaskRecord, bool)> Drive(ReviewTask task, ReviewRequest request, IReviewLedger ledger, IReviewObserver observer, CancellationToken cancellation)
    {
        var order = TaskOrder.For(task, ledgerSpec, settings, _options.Lease, observer);
        for (var first = true; ; first = false)
        {
            cancellation.ThrowIfCancellationRequested();

            // Found before any dispatch of this run: finished in an earlier one (resumed).
            if (ledger.Find(task.Id) is { } record) return (record, first);
            var before = ledger.Latest(task.Id);
            if (before is { } b && b.Attempt >= request.MaxAttempts && (b.Expired(DateTimeOffset.UtcNow) || !await IsAlive(b.Worker, cancellation)))
                return (TaskExecution.Fail(task, ledger, b, _client, request.Check.Settings.Language, request.ToolVersion), false);

            Acceptance accepted;
            _wakeups.For(task.Id);
            try
            {
                var key = $"{ledgerSpec.Review}/{task.Id}/{Interlocked.Increment(ref _dispatches)}";
                accepted = await client.GetGrain<IReviewTaskGrain>(key).Start(order).WaitAsync(_options.CallTimeout, cancellation);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
            {
                // No silo took it (one just died, or none has joined yet): nothing began, so nothing is counted.
                // Until the membership declares a dead silo dead, dispatches may land on it: say so once a task.
                if (_notTaken.TryAdd(task.Id, true)) Redispatched?.Invoke(this, $"{task.Id}: {Short(e)}");
                if ((await Alive(cancellation)).Count == 0 && DateTimeOffset.UtcNow - _someoneAliveAt > _options.Wait)
                    throw new ClusterRefusedException($"no silo has been in the cluster for {_options.Wait.TotalSeconds:F0} s; start silos and run the review again with the same --out to resume");
                await Task.Delay(_options.Poll * 4, cancellation);
                continue;
            }

            if (accepted.Refusal is { } refusal) throw new ClusterRefusedException(refusal);
            _workers[accepted.Silo] = Math.Max(1, accepted.Workers);
            var why = await Watch(task, ledger, accepted.Silo, before?.Attempt ?? 0, cancellation);
            if (why is not null) Redispatched?.Invoke(this, $"{task.Id}: {why}");
        }
    }

    /// <summary>Waits until the task is finished (null) or must be dispatched again (why).</summary>
    private async Task<string?> Watch(ReviewTask task, IReviewLedger ledger, string silo, int attemptsBefore, CancellationToken cancellation)
    {
        var wakeup = _wakeups.For(task.Id);
        try
        {
            while (true)
            {
                // A silo's notice wakes the watch at once; the poll catches silos that die or go silent.
                await Task.WhenAny(wakeup.Task, Task.Delay(_options.Poll, cancellation));
                cancellation.ThrowIfCancellationRequested();
                if (wakeup.Task.IsCompleted) wakeup = _wakeups.Renew(task.Id);
                if (ledger.Find(task.Id) is not null) return null;

                var latest = ledger.Latest(task.Id);
                var begun = latest is { } l && l.Attempt > attemptsBefore;
                if (begun && latest!.Expired(DateTimeOffset.UtcNow))
                    return latest.Error is { } error ? $"attempt {latest.Attempt} failed on {latest.Worker}: {error}" : $"the lease of {latest.Worker} ran out";
                if (!await IsAlive(begun ? latest!.Worker ?? silo : silo, cancellation)) return $"silo {silo} left the cluster";
            }
        }
        finally
        {
            _wakeups.Forget(task.Id);
        }
    }

    /// <summary>An exception in one line: Orleans' messages carry the inner exception and the retry plan.</summary>
    private static string Short(Exception e)
    {
        var inner = e.InnerException ?? e;
        var text = inner.Message.Split('\n')[0].Trim();
        return $"not taken ({inner.GetType().Name}: {(text.Length > 100 ? text[..100] + "…" : text)})";
    }

    private async Task<bool> IsAlive(string? silo, CancellationToken cancellation) => silo is null || (await Alive(cancellation)).Contains(silo);

    /// <summary>The silos the membership holds active, asked at most once a poll interval.</summary>
    private async Task<IReadOnlySet<string>> Alive(CancellationToken cancellation)
    {
        if (DateTimeOffset.UtcNow - _aliveAt < _options.Poll) return _alive;
        try
        {
            var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(_options.CallTimeout, cancellation);
            _alive = hosts.Keys.Select(a => a.ToParsableString()).ToHashSet(StringComparer.Ordinal);
            if (_alive.Count > 0) _someoneAliveAt = DateTimeOffset.UtcNow;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            // The gateway answering is going away: keep the last view; the next poll asks another.
        }

        _aliveAt = DateTimeOffset.UtcNow;
        return _alive;
    }
}

/// <summary>How the client paces a review on a cluster.</summary>
public sealed record ClusterDispatchOptions
{
    /// <summary>How long an attempt holds its task without renewing; a silent silo's tasks go elsewhere after it.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an outstanding task's ledger entry and silo are looked at when no notice came.</summary>
    public TimeSpan Poll { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a call to the cluster may take before it counts as lost: a dispatch only queues the task, so a live silo answers at once.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the review waits with no silo in the cluster before it stops (to be resumed).</summary>
    public TimeSpan Wait { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Tasks outstanding per worker of a live silo: enough to keep it busy, few enough to move when the silo dies.</summary>
    public int TasksPerWorker { get; init; } = 2;

    /// <summary>Workers of a silo that has not answered yet.</summary>
    public int AssumedWorkers { get; init; } = 2;
}

/// <summary>The cluster cannot take the review: a silo refused it (it cannot open the ledger or the rules), or no silo is left.</summary>
public sealed class ClusterRefusedException(string message) : Exception(message);

/// <summary>The client's observer: one wake-up per outstanding task, completed by the silo's notice.</summary>
internal sealed class Wakeups : IReviewObserver
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new(StringComparer.Ordinal);

    public Task AttemptEnded(string taskId)
    {
        if (_waiting.TryGetValue(taskId, out var wakeup)) wakeup.TrySetResult();
        return Task.CompletedTask;
    }

    public TaskCompletionSource For(string taskId) => _waiting.GetOrAdd(taskId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public TaskCompletionSource Renew(string taskId) => _waiting[taskId] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Forget(string taskId) => _waiting.TryRemove(taskId, out _);
}

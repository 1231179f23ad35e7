using ElementFlow.Checking;
using System.Collections.Concurrent;
using System.Threading.Channels;
using ElementFlow.Review.Cluster.Messages;
using ElementFlow.Review.Ledger;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace ElementFlow.Review.Cluster.Silo;

/// <summary>
/// A silo's workers: orders queue here and run on the thread pool, off the grain scheduler (a check takes
/// seconds to minutes of CPU and must not hold a grain's turn). Each attempt goes through <see cref="TaskExecution.Attempt"/>: begun in the ledger with
/// a lease that is renewed while it runs, completed with its fence. A task starts only while the managed heap is under
/// the budget, unless nothing else runs.
/// </summary>
public sealed class Workshop(WorkshopOptions options, IWorkRunnerFactory runners, ILocalSiloDetails silo, ILogger<Workshop> log) : BackgroundService
{
    private readonly Channel<TaskOrder> _queue = Channel.CreateUnbounded<TaskOrder>();
    private readonly ConcurrentDictionary<string, Lazy<ITaskRunner>> _runners = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<IReviewLedger>> _ledgers = new(StringComparer.Ordinal);
    private int _running;

    /// <summary>This silo's address, as the client's membership view names it.</summary>
    public string Silo => silo.SiloAddress.ToParsableString();

    /// <summary>Tasks checked here at the same time.</summary>
    public int Workers => options.Workers;

    /// <summary>
    /// Queues an order; returns why it is refused, or null. The ledger and the rules are opened here, once per review,
    /// so a silo that cannot reach them says so to the client instead of leaving the task without an attempt.
    /// </summary>
    public string? Enqueue(TaskOrder order)
    {
        if (options.Ledger is { } mine && order.Ledger.Location != mine)
            return $"silo {Silo} writes to the ledger given by its --ledger, not to the review's ({order.Ledger.Folder ?? "PostgreSQL"}); start it without --ledger or review with the same one";
        try
        {
            _ = Ledger(order);
            _ = Runner(order);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _ledgers.TryRemove(order.Ledger.Key, out _);
            _runners.TryRemove(order.Settings.Key, out _);
            return $"silo {Silo} cannot open the review's ledger or rules: {e.Message}";
        }

        return _queue.Writer.TryWrite(order) ? null : $"silo {Silo} is stopping";
    }

    private IReviewLedger Ledger(TaskOrder order) => _ledgers.GetOrAdd(order.Ledger.Key, _ => new Lazy<IReviewLedger>(order.Ledger.Open)).Value;

    private ITaskRunner Runner(TaskOrder order) => _runners.GetOrAdd(order.Settings.Key, _ => new Lazy<ITaskRunner>(() => runners.Create(order.Settings))).Value;

    protected override Task ExecuteAsync(CancellationToken stopping) =>
        Task.WhenAll(Enumerable.Range(0, options.Workers).Select(_ => Task.Run(() => Work(stopping), CancellationToken.None)));

    private async Task Work(CancellationToken stopping)
    {
        try
        {
            await foreach (var order in _queue.Reader.ReadAllAsync(stopping))
            {
                await MemoryGate.WaitForRoom(() => Volatile.Read(ref _running), options.MemoryBudget, stopping);
                Interlocked.Increment(ref _running);
                try
                {
                    Run(order, stopping);
                }
                finally
                {
                    Interlocked.Decrement(ref _running);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: queued orders are dropped; their leases never began or run out, and the client dispatches them again.
        }
    }

    private void Run(TaskOrder order, CancellationToken stopping)
    {
        try
        {
            var record = TaskExecution.Attempt(order.Task, Runner(order), Ledger(order), Silo, order.Lease, stopping);
            log.LogInformation("{Task}: {Outcome}", order.TaskId, record?.Status.ToString() ?? "attempt given up");
            Tell(order);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The ledger failed under the attempt: its lease (if begun) runs out and the client dispatches it again.
            log.LogError(e, "{Task}: cannot run on this silo", order.TaskId);
        }
    }

    public override void Dispose()
    {
        foreach (var ledger in _ledgers.Values.Where(l => l.IsValueCreated)) (ledger.Value as IDisposable)?.Dispose();
        base.Dispose();
    }

    /// <summary>Wakes the client; a client gone or unreachable only polls later.</summary>
    private void Tell(TaskOrder order)
    {
        try
        {
            order.Observer?.AttemptEnded(order.TaskId);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.LogDebug(e, "{Task}: the client was not told", order.TaskId);
        }
    }
}

using ElementFlow.Checking;
using System.Collections.Concurrent;
using System.Threading.Channels;
using ElementFlow.Server.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ElementFlow.Server.Queue;

/// <summary>
/// Runs queued reviews in the background, at most <see cref="ServerOptions.MaxConcurrentChecks"/> at once and no
/// further one while the managed heap is above <see cref="ServerOptions.MemoryBudget"/>, in upload order. The queue is the store: at start, reviews a crash left running go back in the queue and
/// every queued review is taken up again, so nothing uploaded is lost to a restart.
/// </summary>
public sealed class ReviewQueue(IReviewStore store, ReviewRunner runner, ServerOptions options, ILogger<ReviewQueue> log) : BackgroundService
{
    private readonly Channel<string> _channel = Channel.CreateUnbounded<string>();
    private readonly ConcurrentDictionary<string, double> _running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _taken = new(StringComparer.Ordinal);

    /// <summary>Queues a review the store already holds as queued.</summary>
    public void Enqueue(string id) => _channel.Writer.TryWrite(id);

    /// <summary>How far a running review's check is, 0..1; null when it is not running here.</summary>
    public double? Progress(string id) => _running.TryGetValue(id, out var fraction) ? fraction : null;

    /// <summary>Each queued review's place in the queue, 1 for the next to run.</summary>
    public IReadOnlyDictionary<string, int> Positions() =>
        store.Queued().Select((r, i) => (r.Id, Place: i + 1)).ToDictionary(x => x.Id, x => x.Place, StringComparer.Ordinal);

    protected override Task ExecuteAsync(CancellationToken stopping)
    {
        // Before any await: this runs while the host starts, before the first request is served.
        var requeued = store.RequeueInterrupted();
        if (requeued > 0) log.LogWarning("{Count} review(s) cut off by the last shutdown run again", requeued);
        foreach (var review in store.Queued()) Enqueue(review.Id);
        if (options.MaxConcurrentChecks <= 0) return Task.CompletedTask;
        return Task.WhenAll(Enumerable.Range(0, options.MaxConcurrentChecks).Select(_ => Task.Run(() => Work(stopping), CancellationToken.None)));
    }

    private async Task Work(CancellationToken stopping)
    {
        try
        {
            await foreach (var id in _channel.Reader.ReadAllAsync(stopping))
            {
                if (!_taken.TryAdd(id, 0)) continue;
                await MemoryGate.WaitForRoom(() => _running.Count, options.MemoryBudget, stopping);
                if (store.FindReview(id) is not { Status: ReviewStatus.Queued } review) continue;
                Run(review, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: whatever is queued stays queued in the store.
        }
    }

    private void Run(StoredReview review, CancellationToken stopping)
    {
        store.SetStatus(review.Id, ReviewStatus.Running);
        _running[review.Id] = 0;
        try
        {
            var result = runner.Run(review, f => _running[review.Id] = f, stopping);
            store.SetStatus(review.Id, result.Status, result.Summary, result.Error);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            store.SetStatus(review.Id, ReviewStatus.Queued);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A worker outlives any one package: the review is marked failed with the reason, logged with its id, and the queue goes on.
            log.LogError(e, "review {Id} failed", review.Id);
            store.SetStatus(review.Id, ReviewStatus.Failed, error: e.Message);
        }
        finally
        {
            _running.TryRemove(review.Id, out _);
        }
    }
}

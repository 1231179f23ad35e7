using ElementFlow.Review.Cluster.Messages;

namespace ElementFlow.Review.Cluster.Grains;

/// <summary>
/// A review task's dispatch: one activation per attempt to place (its key is the review, the task and the dispatch
/// number), so a task dispatched again may land on any live silo. The call returns as soon as the silo has queued
/// the work; the ledger, not the call, says when it is done.
/// </summary>
public interface IReviewTaskGrain : IGrainWithStringKey
{
    Task<Acceptance> Start(TaskOrder order);
}

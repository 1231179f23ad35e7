using ElementFlow.Review.Cluster.Messages;
using ElementFlow.Review.Cluster.Silo;
using Orleans.Placement;

namespace ElementFlow.Review.Cluster.Grains;

/// <summary>Hands an order to its silo's <see cref="Workshop"/> and goes away: checks run there, off the grain scheduler.</summary>
[RandomPlacement]
public sealed class ReviewTaskGrain(Workshop workshop) : Grain, IReviewTaskGrain
{
    public Task<Acceptance> Start(TaskOrder order)
    {
        var refusal = workshop.Enqueue(order);
        DeactivateOnIdle();
        return Task.FromResult(new Acceptance { Silo = workshop.Silo, Refusal = refusal, Workers = workshop.Workers });
    }
}

using ElementFlow.Review.Cluster.Messages;

namespace ElementFlow.Review.Cluster.Silo;

/// <summary>Builds the runner a silo checks with from the review's settings: the host (the CLI) loads the rules as <c>check</c> does; tests give their own.</summary>
public interface IWorkRunnerFactory
{
    ITaskRunner Create(WorkSettings settings);
}

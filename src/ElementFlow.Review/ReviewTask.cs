namespace ElementFlow.Review;

/// <summary>What a task checks: one plan whole (its own rules), or a parent's group across plans (the cross-plan rules over digests).</summary>
public enum TaskKind
{
    Plan,
    Cross,
}

/// <summary>
/// One unit of a review, small enough to send to any worker and to redo: the packages it checks, the packages it
/// reads as context, and the plans whose findings it owns. A task's id is stable across runs, so a ledger can
/// say it is done.
/// </summary>
/// <param name="Id">Stable and file-name safe: <c>plan-&lt;id&gt;</c> or <c>cross-&lt;id&gt;</c>, with a short hash of the package's path when ids repeat.</param>
/// <param name="Plans">The packages checked, in the order given.</param>
/// <param name="PlanIds">The ids of <see cref="Plans"/>: whose findings the task owns.</param>
/// <param name="Context">Packages read but not checked: a group's children that head groups of their own, and the plans flows name.</param>
public sealed record ReviewTask(string Id, TaskKind Kind, IReadOnlyList<string> Plans, IReadOnlyList<string> PlanIds, IReadOnlyList<string> Context);

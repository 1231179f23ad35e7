using System.Linq.Expressions;
using ElementFlow.Core.Findings;
using ElementFlow.Rules.Facts;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace ElementFlow.Engine.Decisions;

/// <summary>
/// The one rule every session has besides the compiled ones: a valid approval that covers a finding
/// waives it. The finding stays in the report, marked with the approval and its document.
/// </summary>
public static class WaiverRule
{
    public static IRuleDefinition Build()
    {
        var builder = new RuleBuilder();
        builder.Name("elementflow.waiver");
        builder.Priority(-100); // after every finding is in
        var lhs = builder.LeftHandSide();
        var finding = lhs.Pattern(typeof(FindingFact), "finding");
        var f = finding.Declaration.ToParameterExpression();
        var approval = lhs.Pattern(typeof(ApprovalFact), "approval");
        var a = approval.Declaration.ToParameterExpression();
        Expression<Func<ApprovalFact, bool>> valid = x => x.IsValid;
        approval.Condition(Expression.Lambda(Expression.Invoke(valid, a), a));
        Expression<Func<ApprovalFact, FindingFact, bool>> covers = (x, y) => y.Finding.WaivedBy == null && x.Covers(y.Finding);
        approval.Condition(Expression.Lambda(Expression.Invoke(covers, a, f), a, f));

        var context = Expression.Parameter(typeof(IContext), "ctx");
        Expression<Action<FindingFact, ApprovalFact>> waive = (y, x) => Waive(y, x);
        builder.RightHandSide().Action(Expression.Lambda(Expression.Invoke(waive, f, a), context, f, a));
        return builder.Build();
    }

    private static void Waive(FindingFact finding, ApprovalFact approval) =>
        finding.Finding = finding.Finding with { WaivedBy = new Waiver(approval.Id, approval.Document) };
}

using ElementFlow.Core.Findings;
using ElementFlow.Rules;

namespace ElementFlow.Checking.Tests;

/// <summary>A host inside the test suite: checks plans through <see cref="CheckService"/> alone, as a server or batch worker would.</summary>
public class CheckServiceTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.Load([Repo.Rules], Repo.Rules, relativeTo: Repo.Root);

    private static CheckRequest Request(string plan) => new()
    {
        Plans = [Path.Combine(Repo.Examples, plan)],
        Rules = Catalog,
        Settings = new CheckSettings { AsOf = new DateOnly(2026, 1, 1), SourceRoot = Repo.Root },
    };

    [Fact]
    public void Check_ExampleCity_ReturnsItsSeededErrors()
    {
        var outcome = new CheckService().Check(Request("qinghe-city"));

        Assert.Contains(outcome.Report.Findings, f => f.Rule == "LINE-001" && f.Severity == Severity.Error);
        Assert.Equal(["qinghe-city"], outcome.Plans.Select(p => p.Id));
    }

    [Fact]
    public void Check_WithAHandler_RaisesEveryPhaseInOrderEndingDone()
    {
        var service = new CheckService();
        var phases = new List<string>();
        service.Progress += (_, p) => { if (phases.Count == 0 || phases[^1] != p.Phase) phases.Add(p.Phase); };

        service.Check(Request("qinghe-city"));

        Assert.Equal(
            [CheckProgress.LoadPlans, CheckProgress.PlanTree, CheckProgress.CompileRules, CheckProgress.Measure, CheckProgress.Decide, CheckProgress.Done],
            phases);
    }

    [Fact]
    public void Check_MeasureProgress_NamesThePlanAndTheRulesServedAndNeverGoesBack()
    {
        var service = new CheckService();
        var steps = new List<CheckProgress>();
        service.Progress += (_, p) => { if (p.Phase == CheckProgress.Measure) steps.Add(p); };

        service.Check(Request("qinghe-city"));

        Assert.NotEmpty(steps);
        Assert.All(steps, s => Assert.Equal("qinghe-city", s.Plan));
        Assert.All(steps, s => Assert.NotEmpty(s.Rules));
        Assert.Equal(steps.Select(s => s.Fraction).Order(), steps.Select(s => s.Fraction));
    }

    [Fact]
    public void Check_CancelledDuringMeasuring_StopsWithOperationCanceled()
    {
        using var cancel = new CancellationTokenSource();
        var service = new CheckService();
        var measured = 0;
        service.Progress += (_, p) =>
        {
            if (p.Phase != CheckProgress.Measure) return;
            measured++;
            cancel.Cancel();
        };

        Assert.ThrowsAny<OperationCanceledException>(() => service.Check(Request("qinghe-city"), cancel.Token));
        Assert.Equal(1, measured);
    }

    [Fact]
    public void Check_CancelledBeforeStart_LoadsNothing()
    {
        var service = new CheckService();
        var loaded = 0;
        service.Progress += (_, p) => { if (p.Phase == CheckProgress.LoadPlans && p.Plan is not null) loaded++; };

        Assert.ThrowsAny<OperationCanceledException>(() => service.Check(Request("qinghe-city"), new CancellationToken(canceled: true)));
        Assert.Equal(0, loaded);
    }

    [Fact]
    public void Check_CatalogueWithErrors_IsRejectedWithItsDiagnostics()
    {
        var broken = new RuleCatalog([], [Core.Diagnostics.Diagnostic.Error("rules.none", "x", null, null, ("path", "x"))]);

        var outcome = new CheckService().Check(Request("qinghe-city") with { Rules = broken });

        Assert.True(outcome.RulesRejected);
        Assert.Equal(["rules.none"], outcome.Report.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public async Task Check_TwoChecksAtOnceOnOneService_GiveTheSameReport()
    {
        var service = new CheckService();

        var both = await Task.WhenAll(Task.Run(() => service.Check(Request("qinghe-city"))), Task.Run(() => service.Check(Request("qinghe-city"))));

        Assert.Equal(both[0].Report.Findings.Select(f => f.Message(Core.Text.Language.En)), both[1].Report.Findings.Select(f => f.Message(Core.Text.Language.En)));
    }
}

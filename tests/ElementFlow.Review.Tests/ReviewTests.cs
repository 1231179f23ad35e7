using System.Text.Json.Nodes;
using ElementFlow.Review.Ledger;

namespace ElementFlow.Review.Tests;

/// <summary>The national review in process: the same report as <c>check</c>, the ledger, resuming, and plans that keep failing.</summary>
public class ReviewTests
{
    [Fact]
    public void Review_GeneratedNationalTree_ReportsTheSameFindingsAsCheck()
    {
        var expected = Reviews.Check(Repo.NationalTree);

        var result = new ReviewRunner().Run(Reviews.Request(Repo.NationalTree, Reviews.TempFolder()));

        Assert.NotEmpty(Reviews.Findings(expected));
        Assert.Equal(Reviews.Findings(expected), Reviews.Findings(result.Report));
    }

    [Fact]
    public void Review_GeneratedNationalTree_FindsTheSeededCrossPlanFaults()
    {
        // The faults are only visible against the parent's allocation: the cross-plan tasks must have run.
        var result = new ReviewRunner().Run(Reviews.Request(Repo.NationalTree, Reviews.TempFolder()));

        Assert.Contains((result.Report["findings"] as JsonArray)!, f => ((string?)f!["rule"])!.StartsWith("HIER-", StringComparison.Ordinal));
    }

    [Fact]
    public void Review_ExampleTree_WritesTheSameReportAsCheck()
    {
        var expected = Reviews.Check(Repo.Examples);

        var result = new ReviewRunner().Run(Reviews.Request(Repo.Examples, Reviews.TempFolder()));

        Assert.True(JsonNode.DeepEquals(expected, result.Report), "report.json differs from check's JSON report");
    }

    [Fact]
    public void Review_WritesReportPlanReportsAndReviewSummary()
    {
        var output = Reviews.TempFolder();

        var result = new ReviewRunner().Run(Reviews.Request(Repo.Examples, output));

        Assert.True(File.Exists(Path.Combine(output, "report.json")));
        var review = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "review.json")))!;
        var ids = result.Index.Skeleton.Plans.Select(p => p.Id).ToList();
        Assert.Equal(ids, review["plans"]!.AsArray().Select(p => (string)p!["id"]!));
        Assert.All(review["plans"]!.AsArray(), p => Assert.Equal("done", (string?)p!["status"]));
        Assert.All(ids, id => Assert.True(File.Exists(Path.Combine(output, "plans", id + ".json")), id));
    }

    [Fact]
    public void Review_PlanReport_HoldsExactlyThatPlansFindings()
    {
        var output = Reviews.TempFolder();

        var result = new ReviewRunner().Run(Reviews.Request(Repo.Examples, output));

        var city = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "plans", "qinghe-city.json")))!.AsObject();
        var expected = (result.Report["findings"] as JsonArray)!.Where(f => (string?)f!["plan"] == "qinghe-city").Select(f => f!.ToJsonString()).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, (city["findings"] as JsonArray)!.Select(f => f!.ToJsonString()));
    }

    [Fact]
    public void Review_SecondRunWithTheSameOutput_TakesEveryTaskFromTheLedger()
    {
        var output = Reviews.TempFolder();
        var first = new ReviewRunner().Run(Reviews.Request(Repo.Examples, output));
        var runner = new ScriptedRunner(new ThrowingRunner());

        var second = new ReviewRunner().Run(Reviews.Request(Repo.Examples, output, runner));

        Assert.Equal(0, runner.Runs);
        Assert.True(JsonNode.DeepEquals(first.Report, second.Report));
    }

    [Fact]
    public void Review_CancelledMidway_ResumesWithoutRedoingFinishedTasks()
    {
        var output = Reviews.TempFolder();
        using var cancel = new CancellationTokenSource();
        var interrupted = new ReviewRunner();
        var finished = 0;
        interrupted.Progress += (_, p) => { if (++finished == 3) cancel.Cancel(); };
        Assert.ThrowsAny<OperationCanceledException>(() => interrupted.Run(Reviews.Request(Repo.Examples, output) with { Workers = 1 }, cancel.Token));
        var inner = new CheckTaskRunner(Reviews.Template([]), "0.1.0");
        var counting = new ScriptedRunner(inner);

        var resumed = new ReviewRunner().Run(Reviews.Request(Repo.Examples, output, counting));

        var done = Directory.GetFiles(Path.Combine(output, "ledger"), "*.json").Length;
        Assert.Equal(resumed.Records.Count - finished, counting.Runs);
        Assert.Equal(resumed.Records.Count, done);
    }

    [Fact]
    public void Review_PlanThatAlwaysCrashesItsWorker_BecomesEngineFailedAfterTheAttempts()
    {
        var runner = new ScriptedRunner(new CheckTaskRunner(Reviews.Template([]), "0.1.0"), "xishan-county");

        var result = new ReviewRunner().Run(Reviews.Request(Repo.Examples, Reviews.TempFolder(), runner, attempts: 2));

        var failed = (result.Report["findings"] as JsonArray)!.Single(f => (string?)f!["rule"] == TaskExecution.EngineFailed);
        Assert.Equal("xishan-county", (string?)failed!["plan"]);
        Assert.Equal(2, (double)failed["measure"]!["value"]!);
    }

    [Fact]
    public void Review_PlanThatAlwaysCrashesItsWorker_KeepsTheOtherPlansFindings()
    {
        var runner = new ScriptedRunner(new CheckTaskRunner(Reviews.Template([]), "0.1.0"), "xishan-county");
        var expected = Reviews.Findings(Reviews.Check(Repo.Examples)).Where(f => !f.Contains("\"plan\":\"xishan-county\"", StringComparison.Ordinal)).ToList();

        var result = new ReviewRunner().Run(Reviews.Request(Repo.Examples, Reviews.TempFolder(), runner, attempts: 2));

        var others = Reviews.Findings(result.Report).Where(f => !f.Contains("\"plan\":\"xishan-county\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected, others);
    }

    [Fact]
    public void Review_AttemptsLeftByWorkersThatDied_CountTowardsTheLimit()
    {
        // A worker that takes its process down (a stack overflow, kill -9) leaves only its attempts in the ledger.
        var output = Reviews.TempFolder();
        var ledger = new FolderLedger(Path.Combine(output, "ledger"));
        for (var i = 0; i < 3; i++) ledger.BeginAttempt("plan-dongping-county", "dead-worker");
        var runner = new ScriptedRunner(new CheckTaskRunner(Reviews.Template([]), "0.1.0"));

        var result = new ReviewRunner().Run(Reviews.Request(Repo.Examples, output, runner));

        Assert.Contains((result.Report["findings"] as JsonArray)!, f => (string?)f!["rule"] == TaskExecution.EngineFailed && (string?)f["plan"] == "dongping-county");
        Assert.Equal(result.Records.Count - 1, runner.Runs);
    }

    /// <summary>Fails the test if the review runs anything.</summary>
    private sealed class ThrowingRunner : ITaskRunner
    {
        public JsonObject Run(ReviewTask task, CancellationToken cancellation) => throw new InvalidOperationException($"{task.Id} ran again");
    }
}

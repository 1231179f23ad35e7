using System.Text.Json;
using ElementFlow.Checking;
using ElementFlow.Core.Findings;
using ElementFlow.Reports;
using ElementFlow.Rules;
using ElementFlow.Server.Map;
using ElementFlow.Server.Store;

namespace ElementFlow.Server.Queue;

/// <summary>
/// Runs one review's check through <see cref="CheckService"/>, as <c>elementflow check</c> does, and
/// writes its report in every format into the data folder.
/// </summary>
public sealed class ReviewRunner(ServerOptions options, DataFolder data)
{
    private readonly Lazy<RuleCatalog> _rules = new(() => RuleCatalog.Load(options.RuleFolders, options.BuiltInRules, options.Limits));

    /// <summary>The tool version reports state.</summary>
    public static string ToolVersion { get; } =
        typeof(ReviewRunner).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";

    /// <summary>Checks the review's package; the result says whether it is done or failed, with the report summary or the reason.</summary>
    /// <exception cref="OperationCanceledException">The server is stopping; the review stays to run again.</exception>
    public RunResult Run(StoredReview review, Action<double> progress, CancellationToken cancellation)
    {
        var service = new CheckService();
        service.Progress += (_, p) => progress(Fraction(p));
        var request = new CheckRequest
        {
            Plans = [data.Package(review.Id)],
            Rules = _rules.Value,
            FindPlansBelow = false,
            Settings = new CheckSettings
            {
                Language = options.Language,
                AsOf = DateOnly.FromDateTime(DateTime.Today),
                Limits = options.Limits,
                Sources = options.Sources,
                SourceRoot = data.Packages,
            },
        };
        var outcome = service.Check(request, cancellation);
        var report = outcome.Report;
        if (outcome.RulesRejected || report.Plans.Count == 0)
        {
            var reason = string.Join(Environment.NewLine, report.Diagnostics.Select(d => d.Format(options.Language)));
            return new RunResult(ReviewStatus.Failed, null, reason.Length > 0 ? reason : Messages.CheckFailed[options.Language]);
        }

        WriteReports(review.Id, report, outcome.ReportContext(options.Language, ToolVersion, data.Packages), progress);
        PlanMapWriter.Write(data.ReportFolder(review.Id), outcome.Plans, report.Findings);
        return new RunResult(ReviewStatus.Done, SummaryJson(report), null);
    }

    private void WriteReports(string id, Report report, ReportContext context, Action<double> progress)
    {
        Directory.CreateDirectory(data.ReportFolder(id));
        var written = 0;
        foreach (var writer in ReportWriters.All)
        {
            progress(0.9 + (0.1 * written++ / ReportWriters.All.Count));
            var path = data.Report(id, writer.Format);
            var partial = path + ".partial";
            try
            {
                using (var file = File.Create(partial))
                {
                    writer.Write(report, context, file);
                    file.Flush(flushToDisk: true);
                }

                File.Move(partial, path, overwrite: true);
            }
            catch (ReportWriterException e)
            {
                // A format this machine cannot write (a PDF without a CJK font): the others stand, the reason is kept.
                File.Delete(partial);
                File.WriteAllText(path + ".error", JsonSerializer.Serialize(new { zh = e.Text.Zh, en = e.Text.En }));
            }
        }
    }

    private static string SummaryJson(Report report)
    {
        var s = report.Summary;
        return JsonSerializer.Serialize(new Dictionary<string, int>
        {
            ["error"] = s.Error, ["warning"] = s.Warning, ["info"] = s.Info, ["waived"] = s.Waived,
            ["rules_run"] = s.RulesRun, ["not_applicable"] = s.NotApplicable,
            ["findings"] = report.Findings.Count,
            ["diagnostics"] = report.Diagnostics.Count(d => d.Severity == Severity.Error),
        });
    }

    /// <summary>The check as 0..0.9 (loading, measuring most, deciding); writing the reports takes it to 1.</summary>
    private static double Fraction(CheckProgress p) => p.Phase switch
    {
        CheckProgress.LoadPlans => 0.15 * p.Fraction,
        CheckProgress.PlanTree or CheckProgress.CompileRules => 0.15,
        CheckProgress.Measure => 0.15 + (0.65 * p.Fraction),
        CheckProgress.Decide => 0.8 + (0.1 * p.Fraction),
        _ => 0.9,
    };
}

/// <summary>How a check ended: done with the report's summary, or failed with the reason.</summary>
public sealed record RunResult(ReviewStatus Status, string? Summary, string? Error);

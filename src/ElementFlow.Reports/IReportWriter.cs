using ElementFlow.Core.Findings;
using ElementFlow.Core.Text;

namespace ElementFlow.Reports;

/// <summary>What every writer needs besides the report: the reader's language and the tool's identity.</summary>
public sealed record ReportContext(Language Language, string ToolVersion);

/// <summary>Writes a report in one format. One class per format; only the CLI picks one.</summary>
public interface IReportWriter
{
    /// <summary>The <c>--format</c> name.</summary>
    string Format { get; }

    void Write(Report report, ReportContext context, Stream output);
}

/// <summary>The writers ElementFlow ships, by format name.</summary>
public static class ReportWriters
{
    public static IReadOnlyList<IReportWriter> All { get; } = [new TextReportWriter(), new JsonReportWriter()];

    public static IReportWriter? Find(string format) =>
        All.FirstOrDefault(w => string.Equals(w.Format, format, StringComparison.OrdinalIgnoreCase));
}

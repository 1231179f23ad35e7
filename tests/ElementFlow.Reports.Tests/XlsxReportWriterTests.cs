using System.IO.Compression;
using System.Text;
using System.Text.Json;
using ElementFlow.Core.Text;
using MiniExcelLibs;

namespace ElementFlow.Reports.Tests;

public class XlsxReportWriterTests
{
    private static byte[] Write(Language language) =>
        Bytes(new XlsxReportWriter(), SampleReport.Report(), SampleReport.Context(language));

    private static byte[] Bytes(IReportWriter writer, Core.Findings.Report report, ReportContext context)
    {
        using var stream = new MemoryStream();
        writer.Write(report, context, stream);
        return stream.ToArray();
    }

    /// <summary>Every sheet read back as tab-separated text: what the snapshot pins (the zip itself carries timestamps).</summary>
    private static string Sheets(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        var text = new StringBuilder();
        foreach (var sheet in MiniExcel.GetSheetNames(stream))
        {
            text.Append("## ").Append(sheet).Append('\n');
            stream.Position = 0;
            foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, sheetName: sheet))
            {
                text.Append(string.Join('\t', row.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)))).Append('\n');
            }

            stream.Position = 0;
        }

        return text.ToString();
    }

    [Theory]
    [InlineData(Language.Zh)]
    [InlineData(Language.En)]
    public void Write_SampleReport_MatchesTheApprovedSnapshot(Language language)
    {
        Approver.Verify($"sample.{language.ToString().ToLowerInvariant()}", "xlsx.tsv", Sheets(Write(language)));
    }

    [Fact]
    public void Write_EverySheet_HasAFrozenHeaderWithFilters()
    {
        using var zip = new ZipArchive(new MemoryStream(Write(Language.Zh)));
        var sheets = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)).ToList();

        Assert.Equal(3, sheets.Count);
        foreach (var entry in sheets)
        {
            using var reader = new StreamReader(entry.Open());
            var xml = reader.ReadToEnd();
            Assert.Contains("ySplit=\"1\"", xml);
            Assert.Contains("state=\"frozen\"", xml);
            Assert.Contains("<x:autoFilter ref=\"A1:", xml);
            Assert.Contains("customWidth=\"1\"", xml);
        }
    }

    [Fact]
    public void Write_ToAStreamThatCannotSeek_WritesTheSameWorkbook()
    {
        using var pipe = new ForwardOnlyStream();
        new XlsxReportWriter().Write(SampleReport.Report(), SampleReport.Context(Language.Zh), pipe);

        Assert.Equal(Sheets(Write(Language.Zh)), Sheets(pipe.Written.ToArray()));
    }

    [SkippableFact]
    public void OpenedInLibreOffice_HasTheSameRowsAsTheJsonReport()
    {
        ExternalTool.LibreOffice.SkipUnlessInstalled();
        var folder = Directory.CreateTempSubdirectory("ef-xlsx-").FullName;
        try
        {
            var xlsx = Path.Combine(folder, "report.xlsx");
            File.WriteAllBytes(xlsx, Write(Language.Zh));
            // 44,34,76: comma, double quote, UTF-8. The first sheet, the issue list, is what converts.
            ExternalTool.LibreOffice.Run("--headless", $"-env:UserInstallation=file://{folder}/profile", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", folder, xlsx);
            var rows = Csv.Parse(File.ReadAllText(Path.Combine(folder, "report.csv")));
            var json = JsonDocument.Parse(SampleReport.Write(new JsonReportWriter(), SampleReport.Report(), SampleReport.Context(Language.Zh)));
            var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();

            var header = rows[0];
            int Column(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidOperationException($"no column {name}");
            Assert.Equal(findings.Count, rows.Count - 1);
            foreach (var (finding, row) in findings.Zip(rows.Skip(1)))
            {
                Assert.Equal(finding.GetProperty("rule").GetString(), row[Column("规则")]);
                Assert.Equal(finding.GetProperty("plan").GetString(), row[Column("规划编号")]);
                Assert.Equal(string.Join(", ", finding.GetProperty("subjects").EnumerateArray().Select(s => s.GetProperty("id").GetString())), row[Column("要素编号")]);
                Assert.Equal(finding.GetProperty("message").GetString(), row[Column("问题说明")]);
                var measure = finding.GetProperty("measure");
                Assert.Equal(measure.GetProperty("value").GetDouble(), double.Parse(row[Column("量值")], System.Globalization.CultureInfo.InvariantCulture), 4);
                Assert.Equal(measure.GetProperty("limit").GetDouble(), double.Parse(row[Column("限值")], System.Globalization.CultureInfo.InvariantCulture), 4);
                Assert.Equal(finding.GetProperty("waived_by").ValueKind == JsonValueKind.Null, row[Column("豁免")] == "");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A write-only stream that cannot seek, like a pipe.</summary>
    private sealed class ForwardOnlyStream : Stream
    {
        public MemoryStream Written { get; } = new();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Written.Write(buffer, offset, count);
    }
}

/// <summary>A CSV reader for LibreOffice's output (quoted fields, doubled quotes, newlines inside quotes).</summary>
public static class Csv
{
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else if (c != '\r') cell.Append(c);
        }

        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            rows.Add([.. row]);
        }

        return rows;
    }
}

using ElementFlow.Core.Text;

namespace ElementFlow.Reports.Tests;

/// <summary>
/// The quality-check report, read back the way a reviewer's machine would: poppler's pdftotext for the
/// text, pdffonts for the embedded font. Needs poppler-utils and a CJK font (fonts-wqy-zenhei or
/// fonts-noto-cjk); .ci/run installs both.
/// </summary>
public class PdfReportWriterTests
{
    private static string WritePdf(Language language, string? folder = null)
    {
        folder ??= Directory.CreateTempSubdirectory("ef-pdf-").FullName;
        var pdf = Path.Combine(folder, $"report.{language.ToString().ToLowerInvariant()}.pdf");
        using (var file = File.Create(pdf))
        {
            new PdfReportWriter().Write(SampleReport.Report(), SampleReport.Context(language), file);
        }

        return pdf;
    }

    private static void SkipUnlessAFontIsInstalled()
    {
        try
        {
            using var probe = new MemoryStream();
            new PdfReportWriter().Write(SampleReport.Report() with { Findings = [] }, SampleReport.Context(Language.Zh, withPlans: false), probe);
        }
        catch (ReportWriterException e)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(e.Text.En);
            Skip.If(true, e.Text.En);
        }
    }

    private static string Text(string pdf) => ExternalTool.PdfToText.Run("-enc", "UTF-8", pdf, "-");

    [SkippableTheory]
    [InlineData(Language.Zh)]
    [InlineData(Language.En)]
    public void Write_SampleReport_ReadsBackAsTheApprovedText(Language language)
    {
        ExternalTool.PdfToText.SkipUnlessInstalled();
        SkipUnlessAFontIsInstalled();

        Approver.Verify($"sample.{language.ToString().ToLowerInvariant()}", "pdf.txt", Text(WritePdf(language)));
    }

    [SkippableFact]
    public void Write_ChineseReport_CarriesCoverBasisAndFixInChinese()
    {
        ExternalTool.PdfToText.SkipUnlessInstalled();
        SkipUnlessAFontIsInstalled();

        var text = Text(WritePdf(Language.Zh));

        Assert.Contains("国土空间规划成果质检报告", text);
        Assert.Contains("示范市国土空间总体规划", text);
        Assert.Contains("2025-06-30", text);
        Assert.Contains("redlines 1.0.0", text);
        Assert.Contains("依据：《关于在国土空间规划中统筹划定落实三条控制线的指导意见》", text);
        Assert.Contains("修改建议：调整其中一条控制线，消除重叠。", text);
        Assert.Contains("已豁免：ADJ-2024-015", text);
    }

    [SkippableFact]
    public void Write_Fonts_AreAllInTheFile()
    {
        ExternalTool.PdfToText.SkipUnlessInstalled();
        SkipUnlessAFontIsInstalled();
        var fonts = new ExternalTool("pdffonts", "poppler-utils");

        var listing = fonts.Run(WritePdf(Language.Zh)).Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();

        Assert.NotEmpty(listing);
        // Skia writes a TrueType CJK font as Type 3 glyph procedures (the outlines are in the file) or embeds a subset: never a font the reader must have.
        Assert.All(listing, line => Assert.Matches(@"Type 3|\syes\s+yes\s", line));
    }

    [SkippableFact]
    public void Write_EveryPage_RendersWithPdftoppm()
    {
        ExternalTool.PdfToPpm.SkipUnlessInstalled();
        SkipUnlessAFontIsInstalled();
        var folder = Directory.CreateTempSubdirectory("ef-pdf-pages-").FullName;
        var pdf = WritePdf(Language.Zh, folder);

        ExternalTool.PdfToPpm.Run("-r", "20", "-gray", pdf, Path.Combine(folder, "page"));

        var pages = Directory.GetFiles(folder, "page*.pgm");
        Assert.True(pages.Length >= 4, $"{pages.Length} pages");
        Assert.All(pages, page => Assert.Contains(File.ReadAllBytes(page).Skip(20), b => b < 128));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Write_FontNamedButMissing_RefusesSayingWhatToInstall()
    {
        var before = Environment.GetEnvironmentVariable("ELEMENTFLOW_CJK_FONT");
        Environment.SetEnvironmentVariable("ELEMENTFLOW_CJK_FONT", "/nonexistent/font.ttc");
        try
        {
            using var stream = new MemoryStream();
            var e = Assert.Throws<ReportWriterException>(() => new PdfReportWriter().Write(SampleReport.Report(), SampleReport.Context(Language.Zh), stream));

            Assert.Equal("无法生成 PDF：环境变量 ELEMENTFLOW_CJK_FONT 指定的字体 /nonexistent/font.ttc 不存在或不含中文字形。", e.Text.Zh);
            Assert.Equal(0, stream.Length);
        }
        finally
        {
            Environment.SetEnvironmentVariable("ELEMENTFLOW_CJK_FONT", before);
        }
    }
}

using System.Globalization;
using System.Reflection;
using System.Text;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Planning;
using ElementFlow.Core.Text;
using ElementFlow.Reports.Html;
using ElementFlow.Reports.Review;

namespace ElementFlow.Reports;

/// <summary>
/// One self-contained HTML page for reviewers: the plans and the summary, a findings table that filters
/// by severity, rule and plan, and a map of each plan with the violation geometries linked to their rows.
/// </summary>
/// <remarks>
/// No network: the styles, the script and the maps (inline SVG) are all in the file. Findings are
/// numbered in report order; row <c>f-N</c> and shape <c>g-N</c> belong together.
/// </remarks>
public sealed class HtmlReportWriter : IReportWriter
{
    /// <summary>At most this many features of one layer are drawn; the page says when a layer was cut.</summary>
    public int MaxFeaturesPerLayer { get; init; } = 20_000;

    public string Format => "html";

    public void Write(Report report, ReportContext context, Stream output)
    {
        var lang = context.Language;
        var numbered = report.Findings.Select((f, i) => (Number: i + 1, Finding: f)).ToList();
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"").Append(lang == Language.Zh ? "zh-CN" : "en").Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(HtmlText.Escape(HtmlLabels.PageTitle[lang])).Append("</title>\n<style>\n").Append(Resource("report.css")).Append("</style>\n</head>\n<body>\n");
        Header(h, report, context);
        Plans(h, report, context);
        Findings(h, numbered, context);
        Maps(h, report, numbered, context);
        FlowTables.WriteHtml(h, report, context);
        Problems(h, report, lang);
        h.Append("<footer>").Append(HtmlText.Escape(Render(HtmlLabels.Generated, lang, ("version", context.ToolVersion)))).Append("</footer>\n");
        h.Append("<script>\n").Append(Resource("report.js")).Append("</script>\n</body>\n</html>\n");
        using var w = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        w.Write(h.ToString());
    }

    private static void Header(StringBuilder h, Report report, ReportContext context)
    {
        var lang = context.Language;
        var s = report.Summary;
        h.Append("<header>\n<h1>").Append(HtmlText.Escape(Render(Labels.Title, lang, ("version", context.ToolVersion)))).Append("</h1>\n<p class=\"summary\">")
            .Append(Badge("error", HtmlLabels.Errors[lang], s.Error)).Append(Badge("warning", HtmlLabels.Warnings[lang], s.Warning))
            .Append(Badge("info", HtmlLabels.Infos[lang], s.Info)).Append(Badge("waived", HtmlLabels.Waived[lang], s.Waived))
            .Append("</p>\n<p>").Append(HtmlText.Escape(Labels.SummaryLine(report, lang))).Append("</p>\n");
        Meta(h, report, context);
        if (report.Baseline is { } b)
        {
            h.Append("<p class=\"baseline\">").Append(HtmlText.Escape(Render(Labels.Baseline, lang, ("new", b.New), ("fixed", b.Fixed), ("unchanged", b.Unchanged)))).Append("</p>\n");
        }

        h.Append("</header>\n");
    }

    /// <summary>What a reviewer files with the page: the plans by name, when the check ran, the as-of date, the rule sets and versions.</summary>
    private static void Meta(StringBuilder h, Report report, ReportContext context)
    {
        var lang = context.Language;
        var items = new List<(LocalizedText Label, string Value)>
        {
            (ReviewLabels.Plans, string.Join("；", report.Plans.Select(p => $"{context.PlanName(p.Id)}（{p.Id}）"))),
            (ReviewLabels.CheckDate, context.CheckedAt?.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture) ?? ReviewLabels.Unstated[lang]),
            (ReviewLabels.AsOf, context.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ReviewLabels.Unstated[lang]),
            (ReviewLabels.RuleSets, string.Join("；", report.RuleSets.Select(r =>
                context.RuleSetTitles.TryGetValue(r.Id, out var t) ? $"{t[lang]}（{r.Id} {r.Version}）" : $"{r.Id} {r.Version}"))),
        };
        h.Append("<dl class=\"meta\">");
        foreach (var (label, value) in items)
        {
            h.Append("<dt>").Append(HtmlText.Escape(label[lang])).Append("</dt><dd>").Append(HtmlText.Escape(value)).Append("</dd>");
        }

        h.Append("</dl>\n");
    }

    private static void Plans(StringBuilder h, Report report, ReportContext context)
    {
        var lang = context.Language;
        h.Append("<section id=\"plans\">\n<h2>").Append(HtmlText.Escape(Labels.Plans[lang])).Append("</h2>\n<table>\n<thead><tr>");
        foreach (var label in new[] { HtmlLabels.Name, HtmlLabels.Id, HtmlLabels.Kind, HtmlLabels.Path, HtmlLabels.Errors, HtmlLabels.Warnings, HtmlLabels.Infos })
        {
            h.Append("<th>").Append(HtmlText.Escape(label[lang])).Append("</th>");
        }

        h.Append("</tr></thead>\n<tbody>\n");
        foreach (var plan in report.Plans)
        {
            var counts = report.CountsFor(plan.Id);
            h.Append("<tr><td><a href=\"#map-").Append(HtmlText.Escape(plan.Id)).Append("\">").Append(HtmlText.Escape(context.PlanName(plan.Id))).Append("</a></td><td><code>")
                .Append(HtmlText.Escape(plan.Id)).Append("</code></td><td>")
                .Append(HtmlText.Escape(PlanKinds.Describe(plan.Level, plan.Type, lang))).Append("</td><td><code>").Append(HtmlText.Escape(plan.Path.Replace('\\', '/')))
                .Append("</code></td>");
            foreach (var severity in new[] { Severity.Error, Severity.Warning, Severity.Info })
            {
                var n = counts[severity];
                h.Append("<td class=\"num").Append(n > 0 ? $" sev-{severity.Name()}" : "").Append("\">").Append(n).Append("</td>");
            }

            h.Append("</tr>\n");
        }

        h.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Findings(StringBuilder h, IReadOnlyList<(int Number, Finding Finding)> numbered, ReportContext context)
    {
        var lang = context.Language;
        h.Append("<section id=\"findings\">\n<h2>").Append(HtmlText.Escape(Labels.Findings[lang])).Append("</h2>\n");
        if (numbered.Count == 0)
        {
            h.Append("<p>").Append(HtmlText.Escape(Labels.NoFindings[lang])).Append("</p>\n</section>\n");
            return;
        }

        h.Append("<div class=\"filters\">");
        Filter(h, "severity", Labels.Severity[lang], lang, [.. new[] { Severity.Error, Severity.Warning, Severity.Info }
            .Where(s => numbered.Any(n => n.Finding.Severity == s)).Select(s => (s.Name(), SeverityLabel(s, lang)))]);
        Filter(h, "rule", Labels.Rule[lang], lang, [.. numbered.Select(n => n.Finding.Rule).Distinct().Order(StringComparer.Ordinal).Select(r => (r, r))]);
        Filter(h, "plan", HtmlLabels.Plan[lang], lang, [.. numbered.Select(n => n.Finding.Plan).Distinct().Order(StringComparer.Ordinal).Select(p => (p, context.PlanName(p)))]);
        h.Append("<span id=\"filter-count\" data-template=\"").Append(HtmlText.Escape(HtmlLabels.Shown[lang])).Append("\">")
            .Append(HtmlText.Escape(Render(HtmlLabels.Shown, lang, ("shown", numbered.Count), ("total", numbered.Count)))).Append("</span></div>\n");

        h.Append("<table id=\"findings-table\">\n<thead><tr><th>#</th>");
        foreach (var label in new[] { Labels.Severity, Labels.Rule, HtmlLabels.Plan, Labels.Subjects, Labels.Measure, Labels.Message })
        {
            h.Append("<th>").Append(HtmlText.Escape(label[lang])).Append("</th>");
        }

        h.Append("</tr></thead>\n<tbody>\n");
        foreach (var (n, f) in numbered)
        {
            var mapped = f.Geometry is { IsEmpty: false };
            h.Append(CultureInfo.InvariantCulture, $"<tr id=\"f-{n}\" data-f=\"{n}\" data-severity=\"{f.Severity.Name()}\" data-rule=\"{HtmlText.Escape(f.Rule)}\" data-plan=\"{HtmlText.Escape(f.Plan)}\"")
                .Append(mapped ? " data-mapped=\"1\"" : "").Append(f.WaivedBy is null ? "" : " class=\"waived\"").Append('>')
                .Append("<td class=\"num\">").Append(mapped ? $"<a href=\"#g-{n}\" title=\"{HtmlText.Escape(HtmlLabels.OnMap[lang])}\">{n}</a>" : n.ToString(CultureInfo.InvariantCulture)).Append("</td>")
                .Append("<td><span class=\"sev sev-").Append(f.Severity.Name()).Append("\">").Append(HtmlText.Escape(SeverityLabel(f.Severity, lang))).Append("</span></td>")
                .Append("<td><b>").Append(HtmlText.Escape(f.Rule)).Append("</b>");
            if (context.Rule(f.Rule) is { } rule) h.Append("<br><small>").Append(HtmlText.Escape(rule.Title[lang])).Append("</small>");
            h.Append("</td><td>").Append(HtmlText.Escape(context.PlanName(f.Plan))).Append("</td><td>")
                .Append(string.Join("<br>", f.Subjects.Select(s => $"<code>{HtmlText.Escape(s.ToString())}</code>"))).Append("</td><td class=\"num\">")
                .Append(f.Measure is { } m ? HtmlText.Escape($"{MessageTemplate.Format(Math.Round(m.Value, 4))}{(m.Limit is { } l ? $" / {MessageTemplate.Format(Math.Round(l, 4))}" : "")}") + $"<br><small>{HtmlText.Escape(m.Name)}</small>" : "")
                .Append("</td><td>").Append(HtmlText.Escape(f.Message(lang)));
            if (f.WaivedBy is { } w)
            {
                h.Append("<br><small class=\"waiver\">").Append(HtmlText.Escape(Render(Labels.Waived, lang, ("approval", w.Approval), ("document", w.Document)))).Append("</small>");
            }

            if (context.Rule(f.Rule) is { } spec && (spec.Basis.Length > 0 || spec.Fix is not null))
            {
                h.Append("<details class=\"basis\"><summary>").Append(HtmlText.Escape(HtmlLabels.BasisAndFix[lang])).Append("</summary>");
                if (spec.Basis.Length > 0) h.Append("<p><b>").Append(HtmlText.Escape(Labels.Basis[lang])).Append("</b> ").Append(HtmlText.Escape(spec.Basis)).Append("</p>");
                if (spec.Fix is { } fix) h.Append("<p><b>").Append(HtmlText.Escape(Labels.Fix[lang])).Append("</b> ").Append(HtmlText.Escape(fix[lang])).Append("</p>");
                h.Append("</details>");
            }

            h.Append("</td></tr>\n");
        }

        h.Append("</tbody>\n</table>\n</section>\n");
    }

    private void Maps(StringBuilder h, Report report, IReadOnlyList<(int Number, Finding Finding)> numbered, ReportContext context)
    {
        var lang = context.Language;
        var map = new SvgMap(MaxFeaturesPerLayer);
        h.Append("<section id=\"maps\">\n<h2>").Append(HtmlText.Escape(HtmlLabels.Map[lang])).Append("</h2>\n<p class=\"help\">")
            .Append(HtmlText.Escape(HtmlLabels.MapHelp[lang])).Append("</p>\n");
        var planIds = report.Plans.Select(p => p.Id).Concat(numbered.Select(n => n.Finding.Plan)).Distinct().ToList();
        foreach (var id in planIds)
        {
            var plan = context.Plans.FirstOrDefault(p => p.Id == id);
            var own = numbered.Where(n => n.Finding.Plan == id).ToList();
            h.Append("<figure class=\"plan-map\" id=\"map-").Append(HtmlText.Escape(id)).Append("\" data-plan=\"").Append(HtmlText.Escape(id)).Append("\">\n<figcaption><b>")
                .Append(HtmlText.Escape(context.PlanName(id))).Append("</b> <code>").Append(HtmlText.Escape(id)).Append("</code>")
                .Append(" <button type=\"button\" class=\"reset\">").Append(HtmlText.Escape(HtmlLabels.ResetView[lang])).Append("</button></figcaption>\n");
            if (map.Draw(plan, own, lang) is not { } drawn)
            {
                h.Append("<p class=\"note\">").Append(HtmlText.Escape(HtmlLabels.NoMap[lang])).Append("</p>\n</figure>\n");
                continue;
            }

            h.Append("<div class=\"map-frame\">").Append(drawn.Svg)
                .Append("<div class=\"scalebar\" aria-hidden=\"true\"><i></i><span></span></div>")
                .Append("<div class=\"readout\" data-template=\"").Append(HtmlText.Escape(HtmlLabels.Readout[lang])).Append("\"></div></div>\n<div class=\"legend\">");
            foreach (var layer in drawn.Legend)
            {
                h.Append("<label class=\"toggle\"><input type=\"checkbox\" checked data-toggle=\"").Append(layer.Role).Append("\">");
                if (layer.Role == Core.Planning.LayerRole.LandUse.Name && drawn.Classes.Count > 0)
                {
                    h.Append(HtmlText.Escape(layer.Label[lang])).Append("</label><span class=\"classes\">");
                    foreach (var c in drawn.Classes)
                    {
                        h.Append("<span><i style=\"background:").Append(c.Colour).Append(";border-color:").Append(layer.Stroke).Append("\"></i>")
                            .Append(HtmlText.Escape($"{c.Code} {c.Name[lang]}")).Append("</span>");
                    }

                    h.Append("</span>");
                    continue;
                }

                h.Append("<i style=\"background:").Append(layer.Fill == "none" ? "transparent" : layer.Fill).Append(";border-color:").Append(layer.Stroke)
                    .Append(layer.Dash is null ? "" : ";border-style:dashed").Append("\"></i>").Append(HtmlText.Escape(layer.Label[lang])).Append("</label>");
            }

            h.Append("<label class=\"toggle\"><input type=\"checkbox\" checked data-toggle=\"hits\"><i class=\"hit-swatch\"></i>").Append(HtmlText.Escape(HtmlLabels.Violation[lang])).Append("</label></div>\n");
            var unmapped = own.Count - drawn.Hits;
            foreach (var note in drawn.Notes) h.Append("<p class=\"note\">").Append(HtmlText.Escape(note)).Append("</p>\n");
            if (unmapped > 0) h.Append("<p class=\"note\">").Append(HtmlText.Escape(Render(HtmlLabels.NoGeometry, lang, ("count", unmapped)))).Append("</p>\n");
            h.Append("</figure>\n");
        }

        h.Append("</section>\n");
    }

    private static void Problems(StringBuilder h, Report report, Language lang)
    {
        if (report.Skipped.Count > 0)
        {
            h.Append("<section id=\"skipped\">\n<h2>").Append(HtmlText.Escape(Labels.Skipped[lang])).Append("</h2>\n<ul>\n");
            foreach (var s in report.Skipped) h.Append("<li>").Append(HtmlText.Escape(Render(Labels.CouldNotRun, lang, ("rule", s.Rule), ("plan", s.Plan), ("reason", s.ReasonIn(lang))))).Append("</li>\n");
            h.Append("</ul>\n</section>\n");
        }

        if (report.Diagnostics.Count > 0)
        {
            h.Append("<section id=\"diagnostics\">\n<h2>").Append(HtmlText.Escape(Labels.Diagnostics[lang])).Append("</h2>\n<ul>\n");
            foreach (var d in report.Diagnostics) h.Append("<li class=\"sev-").Append(d.Severity.Name()).Append("\"><code>").Append(HtmlText.Escape(d.Format(lang))).Append("</code></li>\n");
            h.Append("</ul>\n</section>\n");
        }
    }

    private static void Filter(StringBuilder h, string name, string label, Language lang, IReadOnlyList<(string Value, string Text)> options)
    {
        h.Append("<label>").Append(HtmlText.Escape(label)).Append(" <select id=\"filter-").Append(name).Append("\" data-key=\"").Append(name).Append("\"><option value=\"\">")
            .Append(HtmlText.Escape(HtmlLabels.All[lang])).Append("</option>");
        foreach (var (value, text) in options) h.Append("<option value=\"").Append(HtmlText.Escape(value)).Append("\">").Append(HtmlText.Escape(text)).Append("</option>");
        h.Append("</select></label> ");
    }

    private static string Badge(string kind, string label, int count) =>
        $"<span class=\"badge sev-{kind}{(count == 0 ? " zero" : "")}\">{HtmlText.Escape(label)} <b>{count}</b></span> ";

    private static string SeverityLabel(Severity severity, Language lang) => severity switch
    {
        Severity.Error => Labels.Error[lang],
        Severity.Warning => Labels.Warning[lang],
        _ => Labels.Info[lang],
    };

    private static string Render(LocalizedText template, Language lang, params (string Name, object? Value)[] args) =>
        MessageTemplate.Render(template[lang], args.ToDictionary(a => a.Name, a => a.Value));

    private static string Resource(string name)
    {
        using var stream = typeof(HtmlReportWriter).Assembly.GetManifestResourceStream($"ElementFlow.Reports.Html.{name}")
            ?? throw new InvalidOperationException($"The resource {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

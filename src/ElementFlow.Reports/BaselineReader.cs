using System.Text.Json;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Text;

namespace ElementFlow.Reports;

/// <summary>The finding keys of an earlier JSON report, or why the file is not one.</summary>
public sealed record BaselineReadResult(IReadOnlyList<FindingKey>? Keys, LocalizedText? Error);

/// <summary>
/// Reads an earlier <c>--format json</c> report (<see cref="JsonReportWriter.Schema"/>) for
/// <c>check --baseline</c>: only each finding's rule, plan and subjects matter.
/// </summary>
public static class BaselineReader
{
    public static BaselineReadResult Read(Stream input)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(input);
        }
        catch (JsonException e)
        {
            return Fail($"不是 JSON：{e.Message}", $"not JSON: {e.Message}");
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("schema", out var schema) || schema.ValueKind != JsonValueKind.String || schema.GetString() != JsonReportWriter.Schema)
            {
                return Fail($"不是 ElementFlow 的 JSON 报告（应有 \"schema\": \"{JsonReportWriter.Schema}\"）",
                    $"not an ElementFlow JSON report (expected \"schema\": \"{JsonReportWriter.Schema}\")");
            }

            if (!root.TryGetProperty("findings", out var findings) || findings.ValueKind != JsonValueKind.Array)
            {
                return Fail("缺少 findings 数组", "it has no findings array");
            }

            var keys = new List<FindingKey>();
            var index = 0;
            foreach (var f in findings.EnumerateArray())
            {
                if (Key(f) is not { } key) return Fail($"findings[{index}] 缺少 rule、plan 或 subjects（layer、id）", $"findings[{index}] lacks rule, plan or subjects (layer, id)");
                keys.Add(key);
                index++;
            }

            return new BaselineReadResult(keys, null);
        }
    }

    private static FindingKey? Key(JsonElement f)
    {
        if (f.ValueKind != JsonValueKind.Object || Text(f, "rule") is not { } rule || Text(f, "plan") is not { } plan
            || !f.TryGetProperty("subjects", out var subjects) || subjects.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var ids = new List<string>();
        foreach (var s in subjects.EnumerateArray())
        {
            if (s.ValueKind != JsonValueKind.Object || Text(s, "layer") is not { } layer || Text(s, "id") is not { } id) return null;
            ids.Add($"{layer}/{id}");
        }

        return FindingKey.Create(rule, plan, ids);
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static BaselineReadResult Fail(string zh, string en) => new(null, new LocalizedText(zh, en));
}

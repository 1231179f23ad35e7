using System.Text.RegularExpressions;

namespace ElementFlow.Cli.Tests.Corpus;

/// <summary>The patterns cases expect: diagnostics as <c>file[:line][ [feature]]: severity code</c>, findings as report rows.</summary>
public static class Expect
{
    /// <summary>An error diagnostic naming <paramref name="file"/> (as printed, e.g. pkg/plan.yaml) with <paramref name="code"/> (a regex, e.g. yaml\.syntax).</summary>
    public static string Error(string file, string code, string message = "") =>
        $@"{Regex.Escape(file)}(:\d+)?( \[[^\]]*\])?: error {code}{(message.Length > 0 ? ":.*" + message : "")}";

    /// <summary>As <see cref="Error"/>, with a line number.</summary>
    public static string ErrorAtLine(string file, string code, string message = "") =>
        $@"{Regex.Escape(file)}:\d+( \[[^\]]*\])?: error {code}{(message.Length > 0 ? ":.*" + message : "")}";

    public static string Warning(string file, string code, string message = "") =>
        $@"{Regex.Escape(file)}(:\d+)?( \[[^\]]*\])?: warning {code}{(message.Length > 0 ? ":.*" + message : "")}";

    /// <summary>A row of the text report: the rule and the subject (layer/id).</summary>
    public static string Finding(string rule, string subject) => $@"{Regex.Escape(rule)}\s+{Regex.Escape(subject)}";

    /// <summary>A refusal by one of the input limits of issue 8, naming the file, the limit and the option that raises it.</summary>
    public static string Limit(string file, string option) =>
        $@"{Regex.Escape(file)}(:\d+)?( \[[^\]]*\])?: error limit\.exceeded:.*{Regex.Escape(option)}";
}

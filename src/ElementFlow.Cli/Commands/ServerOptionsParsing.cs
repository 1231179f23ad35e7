using System.CommandLine;
using ElementFlow.Core.Limits;
using ElementFlow.Core.Text;
using static ElementFlow.Cli.HelpText;

namespace ElementFlow.Cli.Commands;

/// <summary>The options the server commands share: where the store is, and sizes with units.</summary>
internal static class ServerOptionsParsing
{
    public const string DefaultData = "./elementflow-data";

    public static Option<string> Data() => new("--data")
    {
        Description = T("嵌入式存储的文件夹（数据库、上传的规划包、报告）", "The folder of the embedded store (database, uploaded packages, reports)"),
        DefaultValueFactory = _ => DefaultData,
    };

    public static Option<string?> Store() => new("--store")
    {
        Description = T("PostgreSQL 存储（postgres://…），代替 --data；本版本尚未支持", "A PostgreSQL store (postgres://…) instead of --data; not supported in this version yet"),
    };

    /// <summary>A size option in bytes or with a unit (500MB, 1GiB).</summary>
    public static Option<long> Size(string name, long defaultValue, string defaultText, LocalizedText description) => new(name)
    {
        Description = T($"{description.Zh}：字节数或带单位（500MB、1GiB）。默认 {defaultText}", $"{description.En}: bytes, or with a unit (500MB, 1GiB). Default {defaultText}"),
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (InputLimits.TryParseSize(text, out var bytes) && bytes > 0) return bytes;
            result.AddError($"{name}: '{text}' is not a size; use bytes or a number with a unit, e.g. 500MB, 1GiB "
                + $"（{name} 的值 '{text}' 不是有效大小，请写字节数或带单位的数，如 500MB、1GiB）");
            return 0;
        },
    };

    /// <summary>False (with the message written) when <c>--store</c> is given: only the embedded store exists so far.</summary>
    public static bool EmbeddedOnly(CliConsole console, string? store)
    {
        if (store is null) return true;
        console.Error.WriteLine(T(
            "elementflow: 尚不支持 PostgreSQL 存储（--store）；请使用 --data 文件夹",
            "elementflow: the PostgreSQL store (--store) is not supported yet; use a --data folder"));
        return false;
    }
}

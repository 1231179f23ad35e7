using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace ElementFlow.Cli.Tests.Corpus;

/// <summary>What one run of the CLI on a case did.</summary>
public sealed record CaseResult(
    int Exit,
    bool TimedOut,
    TimeSpan Elapsed,
    string Stdout,
    string Stderr,
    string? ReportText,
    IReadOnlyList<string> Changes,
    IReadOnlyList<string> Escaped)
{
    public string Console => Stdout + Stderr;
}

/// <summary>
/// Runs the built CLI (elementflow.dll beside the tests) on a case as a child process: in a fresh case
/// root that is also its working folder and its TMPDIR, with a time limit, and with the case root
/// snapshotted before and after so that anything written outside <c>out/</c> is seen.
/// </summary>
public static class CaseRunner
{
    // A guard against hangs, not a timing assert: generous enough that a loaded machine (parallel
    // builds, 2 cores) does not kill a case that is merely slow; a hang still ends the case.
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(120);

    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "elementflow.dll");

    /// <summary>Where every case root of this test run lives; removed when the process exits.</summary>
    public static string RunRoot { get; } = CreateRunRoot();

    /// <summary>A one-rule set for cases that only test loading (see <see cref="CaseRules.Minimal"/>).</summary>
    public static string MinimalRules { get; } = WriteMinimalRules();

    public static async Task<CaseResult> Run(CorpusCase c)
    {
        var root = Path.Combine(RunRoot, Folder(c.Name));
        Directory.CreateDirectory(root);
        Directory.CreateDirectory(Path.Combine(root, "tmp"));
        Directory.CreateDirectory(Path.Combine(root, "out"));
        c.Build(new CaseFolder(root));
        var before = Snapshot(root);

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Dll);
        foreach (var a in Arguments(c, root)) start.ArgumentList.Add(a);
        start.Environment["TMPDIR"] = Path.Combine(root, "tmp");
        start.Environment["TMP"] = Path.Combine(root, "tmp");
        start.Environment["TEMP"] = Path.Combine(root, "tmp");
        // No diagnostic IPC socket in TMPDIR: it would look like a file the CLI left behind.
        start.Environment["DOTNET_EnableDiagnostics"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var timedOut = false;
        using (var limit = new CancellationTokenSource(TimeLimit))
        {
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        clock.Stop();
        var report = Path.Combine(root, "out", ReportName(c));
        var after = Snapshot(root);
        var result = new CaseResult(
            process.ExitCode,
            timedOut,
            clock.Elapsed,
            await stdout,
            await stderr,
            File.Exists(report) ? await File.ReadAllTextAsync(report) : null,
            Compare(before, after),
            c.MustNotExist.Select(p => Path.GetFullPath(Path.Combine(root, p))).Where(p => File.Exists(p) || Directory.Exists(p)).ToList());

        // The result holds all a failure needs; some inputs are 100 MB, and the test host may end before ProcessExit.
        Remove(root);
        return result;
    }

    private static void Remove(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    public static IEnumerable<string> Arguments(CorpusCase c, string root)
    {
        switch (c.Command)
        {
            case CaseCommand.RulesLint:
                return new[] { "rules", "lint", "rules.yaml", "--lang", "en" }.Concat(c.Args);
            default:
                var rules = c.Rules switch
                {
                    CaseRules.BuiltIn => Repo.Rules,
                    CaseRules.Minimal => MinimalRules,
                    _ => "rules.yaml",
                };
                return new[] { "check", c.Target, "--rules", rules, "--lang", "en", "--format", c.Format, "--out", Path.Combine(root, "out", ReportName(c)) }
                    .Concat(c.Args);
        }
    }

    private static string ReportName(CorpusCase c) => c.Format == "json" ? "report.json" : "report.txt";

    /// <summary>A case name as a folder name: "zip/slip-dotdot" → "zip--slip-dotdot".</summary>
    public static string Folder(string name) => name.Replace("/", "--");

    /// <summary>Every file and folder under the root except out/, with size and write time.</summary>
    private static Dictionary<string, (long Size, DateTime Written)> Snapshot(string root)
    {
        var result = new Dictionary<string, (long, DateTime)>(StringComparer.Ordinal);
        foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true }))
        {
            var relative = Path.GetRelativePath(root, entry.FullName).Replace('\\', '/');
            if (relative == "out" || relative.StartsWith("out/", StringComparison.Ordinal)) continue;
            result[relative] = entry is FileInfo f ? (f.Length, f.LastWriteTimeUtc) : (-1, DateTime.MinValue);
        }

        return result;
    }

    private static List<string> Compare(Dictionary<string, (long Size, DateTime Written)> before, Dictionary<string, (long Size, DateTime Written)> after)
    {
        var changes = new List<string>();
        foreach (var (path, state) in after)
        {
            if (!before.TryGetValue(path, out var old)) changes.Add($"new: {path}");
            else if (old != state) changes.Add($"changed: {path}");
        }

        changes.AddRange(before.Keys.Where(p => !after.ContainsKey(p)).Select(p => $"deleted: {p}"));
        return changes;
    }

    private static string CreateRunRoot()
    {
        var root = Directory.CreateTempSubdirectory("ef-corpus-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Remove(root);
        return root;
    }

    private static string WriteMinimalRules()
    {
        var path = Path.Combine(RunRoot, "minimal-rules.yaml");
        File.WriteAllText(path, """
            ruleset: corpus-minimal
            version: 1.0.0
            title: { zh: 语料最小规则集, en: Corpus minimal rule set }
            rules:
              - id: MIN-001
                title: { zh: 几何有效, en: Geometries are valid }
                severity: error
                check: { kind: valid-geometry, layers: all }
                message: { zh: "图层 {layer} 要素 {id}：{problem}", en: "Feature {id} of layer {layer}: {problem}" }
            """);
        return path;
    }
}

/// <summary>
/// Starts the cases in the order the theory asks for them, a window ahead, at most
/// 2 × ProcessorCount at a time: the rows are checked one after another while the processes run in parallel.
/// </summary>
public static class CorpusScheduler
{
    public static readonly int Degree = 2 * Environment.ProcessorCount;

    private static readonly SemaphoreSlim Slots = new(Degree);
    private static readonly ConcurrentDictionary<string, Lazy<Task<CaseResult>>> Started = new(StringComparer.Ordinal);

    public static Task<CaseResult> Result(string name)
    {
        var all = CorpusCases.All;
        var index = CorpusCases.IndexOf(name);
        for (var i = index + 1; i < Math.Min(all.Count, index + 2 * Degree); i++)
        {
            if (CorpusCases.SkipReason(all[i]) is null) Start(all[i]);
        }

        return Start(all[index]);
    }

    private static Task<CaseResult> Start(CorpusCase c) =>
        Started.GetOrAdd(c.Name, _ => new Lazy<Task<CaseResult>>(() => Task.Run(async () =>
        {
            await Slots.WaitAsync();
            try
            {
                using var machine = await MachineSlot.Acquire(Degree);
                return await CaseRunner.Run(c);
            }
            finally
            {
                Slots.Release();
            }
        }))).Value;
}

/// <summary>
/// One of <c>Degree</c> slots shared by every test process on the machine (an exclusive lock on a file
/// under the temp folder, released when the process ends however it ends), so that several suites
/// running at once (worktrees, CI beside a developer) do not starve each other's cases into the time limit.
/// </summary>
internal sealed class MachineSlot : IDisposable
{
    private readonly FileStream _held;

    private MachineSlot(FileStream held) => _held = held;

    public static async Task<MachineSlot> Acquire(int slots)
    {
        var folder = Path.Combine(Path.GetTempPath(), "elementflow-corpus-slots");
        Directory.CreateDirectory(folder);
        while (true)
        {
            for (var i = 0; i < slots; i++)
            {
                try
                {
                    return new MachineSlot(new FileStream(Path.Combine(folder, $"slot-{i}"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
                }
                catch (IOException)
                {
                    // held by another case, here or in another process
                }
            }

            await Task.Delay(100);
        }
    }

    public void Dispose() => _held.Dispose();
}

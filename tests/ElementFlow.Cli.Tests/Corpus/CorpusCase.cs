namespace ElementFlow.Cli.Tests.Corpus;

/// <summary>Which rules a <c>check</c> case runs with.</summary>
public enum CaseRules
{
    /// <summary>The repository's rules/ folder: what users run. Plan cases use these.</summary>
    BuiltIn,

    /// <summary>One valid-geometry rule: enough to load and check every layer, at a fraction of the start-up cost. For cases that only test loading.</summary>
    Minimal,

    /// <summary>The case's own <c>rules.yaml</c> (rule-set cases).</summary>
    Own,
}

/// <summary>Which command a case runs.</summary>
public enum CaseCommand
{
    /// <summary><c>elementflow check pkg --rules ... --format F --out &lt;root&gt;/out/report.F --lang en</c>.</summary>
    Check,

    /// <summary><c>elementflow rules lint rules.yaml --lang en</c>.</summary>
    RulesLint,
}

/// <summary>
/// One bad input and what the CLI must do with it. The input is built by <see cref="Build"/> in a fresh
/// folder (the case root, also the working folder of the run); the package is <c>pkg</c> in it unless
/// <see cref="Target"/> says otherwise.
/// </summary>
public sealed record CorpusCase(string Name)
{
    /// <summary>Writes the input files into the case root.</summary>
    public required Action<CaseFolder> Build { get; init; }

    public CaseCommand Command { get; init; } = CaseCommand.Check;

    public CaseRules Rules { get; init; } = CaseRules.BuiltIn;

    /// <summary>What <c>check</c> is pointed at, relative to the case root (a package folder, a .zip, a folder of packages).</summary>
    public string Target { get; init; } = "pkg";

    /// <summary>More arguments after the standard ones (e.g. <c>--max-vertices 1000</c>).</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>text or json; the report goes to <c>out/report.txt</c> or <c>out/report.json</c>.</summary>
    public string Format { get; init; } = "text";

    /// <summary>The exit code the case must end with: 1 (findings) or 2 (bad input); 0 only with <see cref="Tolerated"/>.</summary>
    public required int Exit { get; init; }

    /// <summary>The input is odd but acceptable: exit 0 is allowed (and then expected), the message still names what is odd.</summary>
    public bool Tolerated { get; init; }

    /// <summary>Regular expressions that must all match stdout + stderr: the file and the problem (diagnostic code or message).</summary>
    public IReadOnlyList<string> Console { get; init; } = [];

    /// <summary>Regular expressions that must all match the report written to --out (findings, the skipped list).</summary>
    public IReadOnlyList<string> Report { get; init; } = [];

    /// <summary>More checks on the JSON report (when <see cref="Format"/> is json), e.g. that nothing was lost.</summary>
    public Action<System.Text.Json.JsonElement>? Json { get; init; }

    /// <summary>Paths, relative to the case root (they may climb out of it with ..) or absolute, that must not exist after the run: where a zip-slip entry would land.</summary>
    public IReadOnlyList<string> MustNotExist { get; init; } = [];

    /// <summary>The case uses the input limits of issue 8 (<c>--max-package-size</c>, <c>--max-features</c>, <c>--max-vertices</c>, <c>--max-yaml-aliases</c>, <c>limit.exceeded</c>).</summary>
    public bool RequiresLimits { get; init; }

    /// <summary>A known, reported and not yet fixed bug this case shows; the case is skipped with this reason until it is fixed.</summary>
    public string? KnownBug { get; init; }

    /// <summary>The theme, from the name's first segment.</summary>
    public string Theme => Name.Split('/')[0];

    public override string ToString() => Name;
}

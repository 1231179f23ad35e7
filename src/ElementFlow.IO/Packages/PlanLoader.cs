using System.Globalization;
using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Limits;
using ElementFlow.Core.Planning;
using ElementFlow.Core.Text;
using ElementFlow.Core.Units;
using ElementFlow.IO.Layers;
using ElementFlow.Sources;
using ElementFlow.Yaml;

namespace ElementFlow.IO.Packages;

/// <summary>What loading a package produced: the plan (null when it cannot be built) and every diagnostic.</summary>
public sealed record PlanLoadResult(Plan? Plan, IReadOnlyList<Diagnostic> Diagnostics, TimeSpan Elapsed);

/// <summary>
/// Loads a plan package (folder or .zip): plan.yaml, then every layer in parallel. Loading never
/// throws at the user: each problem becomes a located diagnostic, and one broken layer leaves the
/// others usable.
/// </summary>
public static class PlanLoader
{
    private static readonly PlanValidator Validator = new();

    public static PlanLoadResult Load(string path) => Load(path, InputLimits.Default);

    public static PlanLoadResult Load(string path, InputLimits limits) => Load(path, limits, PackageFormats.Sources);

    /// <param name="limits">How large a package, layer and geometry may be; past a limit the package or layer is refused with a diagnostic.</param>
    /// <param name="sources">The layer sources entries may name (<see cref="PackageFormats.Sources"/> and any a host adds).</param>
    /// <param name="cancellation">Stops loading between layers and inside sources that honour it.</param>
    public static PlanLoadResult Load(string path, InputLimits limits, LayerSources sources, CancellationToken cancellation = default)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var diagnostics = new List<Diagnostic>();
        PackageFiles? files = null;
        try
        {
            files = Open(path, diagnostics, limits);
            var plan = files is null ? null : Load(files, diagnostics, limits, sources, cancellation);
            return new PlanLoadResult(plan, diagnostics, started.Elapsed);
        }
        catch (PackageSizeException e)
        {
            // A zip that unpacked past the limit while being read: the package is refused, whatever was read so far.
            diagnostics.Add(e.Diagnostic);
            return new PlanLoadResult(null, diagnostics, started.Elapsed);
        }
        finally
        {
            files?.Dispose();
        }
    }

    private static PackageFiles? Open(string path, List<Diagnostic> diagnostics, InputLimits limits)
    {
        if (Directory.Exists(path)) return new FolderPackage(path) { DisplayPath = path };
        if (File.Exists(path) && path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var zip = new ZipPackage(path, limits) { DisplayPath = path };
                if (zip.DeclaredSize > limits.MaxPackageBytes)
                {
                    diagnostics.Add(LimitDiagnostics.ZipDeclared(limits, path, zip.DeclaredSize));
                    zip.Dispose();
                    return null;
                }

                foreach (var entry in zip.UnsafeEntries)
                {
                    diagnostics.Add(Diagnostic.Error("plan.zip-unsafe-entry", path, null, null, ("entry", entry)));
                }

                foreach (var entry in zip.DuplicateEntries)
                {
                    diagnostics.Add(Diagnostic.Error("plan.zip-duplicate-entry", path, null, null, ("entry", entry)));
                }

                return zip;
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(Diagnostic.Error("plan.zip-unreadable", path, null, null, ("path", path), ("detail", e.Message)));
                return null;
            }
        }

        if (File.Exists(path) && Path.GetFileName(path) == "plan.yaml")
        {
            var folder = Path.GetDirectoryName(path);
            return Open(string.IsNullOrEmpty(folder) ? "." : folder, diagnostics, limits);
        }
        diagnostics.Add(Diagnostic.Error(File.Exists(path) ? "plan.not-found" : "plan.path-missing", path, null, null, ("path", path)));
        return null;
    }

    private static Plan? Load(PackageFiles files, List<Diagnostic> diagnostics, InputLimits limits, LayerSources sources, CancellationToken cancellation)
    {
        if (!files.Exists("plan.yaml"))
        {
            diagnostics.Add(Diagnostic.Error("plan.not-found", files.DisplayPath, null, null, ("path", files.DisplayPath)));
            return null;
        }

        // Checked before reading: plan.yaml is read whole into memory.
        if (files is FolderPackage folder && folder.Length("plan.yaml") is var yamlBytes && yamlBytes > limits.MaxPackageBytes)
        {
            diagnostics.Add(LimitDiagnostics.FolderFiles(limits, files.DisplayPath, yamlBytes));
            return null;
        }

        var yamlFile = files.Show("plan.yaml");
        string? text;
        try
        {
            text = YamlText.Decode(files.ReadAllBytes("plan.yaml"), yamlFile, out var notText);
            if (notText is not null)
            {
                diagnostics.Add(notText);
                return null;
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Error("layer.unreadable", yamlFile, null, null, ("role", "plan"), ("file", yamlFile), ("detail", e.Message)));
            return null;
        }

        var dto = PlanYamlReader.Read(text!, yamlFile, diagnostics, limits, sources.EntryKeys);
        if (dto is null) return null;
        if (files is FolderPackage referenced && ReferencedBytes(referenced, dto, sources) is var bytes && bytes > limits.MaxPackageBytes)
        {
            diagnostics.Add(LimitDiagnostics.FolderFiles(limits, files.DisplayPath, bytes));
            return null;
        }

        var validation = Validator.Validate(dto).ToDiagnostics(
            yamlFile,
            "plan.field-invalid",
            ("roles", string.Join(", ", LayerRole.All.Select(r => r.Name))),
            ("units", UnitNames)).ToList();
        diagnostics.AddRange(validation.Select(WithHint));
        if (dto.Id is null || !PlanKinds.TryParseLevel(dto.Level, out var level) || !PlanKinds.TryParseType(dto.Type, out var type)
            || string.IsNullOrEmpty(dto.RegionCode) || string.IsNullOrEmpty(dto.Crs))
        {
            return null;
        }

        var crs = new CrsInfo(dto.Crs, ParseEpsg(dto.Crs));
        var parent = ParentLocation(files, dto, yamlFile, diagnostics);
        var unusable = new HashSet<string>(StringComparer.Ordinal);
        var indicators = Indicators(dto, yamlFile, diagnostics, unusable);
        CheckAllocationUnits(dto, yamlFile, diagnostics);
        var layerResults = LoadLayers(files, dto, crs, diagnostics, limits, sources, cancellation);
        (layerResults, crs) = CrsHarmoniser.Apply(layerResults, crs, yamlFile, diagnostics);
        var layers = new Dictionary<string, Layer>(StringComparer.Ordinal);
        var issues = new List<DataIssue>();
        // A layer entry without a file has had its message: rules that need the layer cannot run, rather than report it missing.
        // So does a misspelt role (ecological_redlin): its layer is taken as unreadable, not as missing.
        var broken = dto.Layers.Where(l => string.IsNullOrEmpty(l.File) && LayerRole.Find(l.Role) is not null)
            .Select(l => LayerRole.Find(l.Role)!.Name)
            .Concat(dto.Layers.Where(l => LayerRole.Find(l.Role) is null).Select(l => Suggestions.Nearest(l.Role, LayerRole.All.Select(r => r.Name))).OfType<string>())
            .Distinct().ToList();
        foreach (var (role, result) in layerResults)
        {
            diagnostics.AddRange(result.Diagnostics);
            if (result.Layer is null || result.Diagnostics.Any(d => d.Severity == Severity.Error))
            {
                broken.Add(role);
                continue;
            }

            layers[role] = result.Layer;
            issues.AddRange(result.Issues);
        }

        var standard = dto.Standard is null ? null
            : Standards.StandardReader.Load(dto.Standard, r => StandardText(files, r), diagnostics, yamlFile, dto.LineOf("standard"));
        return new Plan
        {
            Standard = standard,
            Id = dto.Id,
            Name = dto.Name?.ToText() ?? LocalizedText.Same(dto.Id),
            Level = level,
            Type = type,
            Region = new Region(dto.RegionCode, dto.RegionName ?? ""),
            BaseYear = int.TryParse(dto.BaseYear, out var b) ? b : null,
            TargetYear = int.TryParse(dto.TargetYear, out var t) ? t : null,
            Parent = parent is null ? null : dto.Parent,
            ParentLine = parent is null ? null : dto.ParentLine,
            Location = Path.GetFullPath(files.DisplayPath),
            ParentLocation = parent,
            Crs = crs,
            Path = files.DisplayPath,
            Layers = layers,
            Indicators = indicators,
            Allocations = Allocations(dto),
            Approvals = Approvals(dto),
            Flows = Flows(dto, validation),
            DataIssues = issues,
            BrokenLayers = broken,
            UnusableIndicators = unusable,
        };
    }

    /// <summary>A standard by name: a built-in one, else a YAML file of the package (a province's, extending a built-in one).</summary>
    private static (string Text, string File)? StandardText(PackageFiles files, string reference)
    {
        if (Standards.StandardSources.ReadBuiltIn(reference) is { } builtIn) return (builtIn, Standards.StandardSources.ShowBuiltIn(reference));
        try
        {
            if (!files.Exists(reference)) return null;
            var text = YamlText.Decode(files.ReadAllBytes(reference), files.Show(reference), out var notText);
            return notText is null && text is not null ? (text, files.Show(reference)) : null;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Where the parent package is on disk; a parent that is no usable path (a NUL character) is an error, not a crash.</summary>
    private static string? ParentLocation(PackageFiles files, PlanDto dto, string yamlFile, List<Diagnostic> diagnostics)
    {
        if (dto.Parent is null) return null;
        try
        {
            return Path.GetFullPath(Path.Combine(Path.GetFullPath(files.DisplayPath), dto.Parent));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            diagnostics.Add(Diagnostic.Error("plan.field-invalid", yamlFile, dto.ParentLine, null,
                ("field", "parent"), ("value", new string(dto.Parent.Select(c => char.IsControl(c) ? '?' : c).ToArray())),
                ("detail", new LocalizedText("不是可用的路径", "not a usable path"))));
            return null;
        }
    }

    private static string UnitNames => string.Join(", ", Unit.All.Select(u => u.Key)) + "; 或/or " + string.Join("、", Unit.ChineseForms.Values.Select(f => f[0]));

    /// <summary>Adds "did you mean" to the messages about a level, type or layer role that is not one of the known names.</summary>
    private static Diagnostic WithHint(Diagnostic d)
    {
        IEnumerable<string>? known = d.Code switch
        {
            "plan.unknown-level" => PlanKinds.LevelNames,
            "plan.unknown-type" => PlanKinds.TypeNames,
            "plan.unknown-role" => LayerRole.All.Select(r => r.Name),
            _ => null,
        };
        if (known is null) return d;
        var args = new Dictionary<string, object?>(d.Arguments) { ["hint"] = Suggestions.Hint(Suggestions.Nearest(d.Arguments.GetValueOrDefault("value") as string, known)) };
        return d with { Arguments = args };
    }

    /// <summary>
    /// The indicators that can be used. One that cannot (no value, no unit, a unit it does not know or of the wrong
    /// dimension, a misspelt key) gets one message and goes into <paramref name="unusable"/>, so that rules do not
    /// also report it missing.
    /// </summary>
    private static Dictionary<string, Indicator> Indicators(PlanDto dto, string file, List<Diagnostic> diagnostics, HashSet<string> unusable)
    {
        var result = new Dictionary<string, Indicator>(StringComparer.Ordinal);
        var known = IndicatorCatalog.All.Select(d => d.Key).ToList();
        foreach (var q in dto.Indicators)
        {
            var definition = IndicatorCatalog.Find(q.Key);
            if (definition is null && Suggestions.Nearest(q.Key, known) is { } meant)
            {
                diagnostics.Add(Diagnostic.Error("plan.misspelt-indicator", file, q.Line, null, ("key", q.Key), ("hint", Suggestions.Hint(meant))));
                unusable.Add(meant);
                continue;
            }

            if (q.Reported || !Usable(q, $"indicators.{q.Key}", file, diagnostics, requireValue: true, out var unit))
            {
                unusable.Add(q.Key);
                continue;
            }

            if (definition is not null && definition.Unit.Dimension != unit.Dimension)
            {
                diagnostics.Add(Diagnostic.Error("plan.unit-dimension", file, q.UnitLine > 0 ? q.UnitLine : q.Line, null, ("key", q.Key), ("unit", unit.Key), ("expected", definition.Unit.Dimension.ToString().ToLowerInvariant())));
                unusable.Add(q.Key);
                continue;
            }

            if (definition is null) diagnostics.Add(Diagnostic.Warning("plan.unknown-indicator", file, q.Line, null, ("key", q.Key)));
            result[q.Key] = new Indicator(q.Key, new Quantity(q.Value!.Value, unit), q.Line);
        }

        return result;
    }

    private static void CheckAllocationUnits(PlanDto dto, string file, List<Diagnostic> diagnostics)
    {
        foreach (var q in dto.Allocations.SelectMany(a => a.Targets.Select(t => (a, t))).Where(x => !x.t.Reported))
        {
            Usable(q.t, $"allocations.{q.a.RegionCode}.{q.t.Key}", file, diagnostics, requireValue: false, out _);
        }
    }

    /// <summary>Whether a value and unit can be used; if not, the one message that says why.</summary>
    private static bool Usable(QuantityDto q, string field, string file, List<Diagnostic> diagnostics, bool requireValue, out Unit unit)
    {
        unit = Unit.SquareMetre;
        if (requireValue && q.Value is null)
        {
            diagnostics.Add(Diagnostic.Error("plan.field-required", file, q.Line, null, ("field", $"{field}.value")));
            return false;
        }

        if (string.IsNullOrWhiteSpace(q.Unit))
        {
            diagnostics.Add(Diagnostic.Error("plan.field-required", file, q.Line, null, ("field", $"{field}.unit")));
            return false;
        }

        if (Unit.Find(q.Unit) is not { } found)
        {
            diagnostics.Add(Diagnostic.Error("plan.unknown-unit", file, q.UnitLine > 0 ? q.UnitLine : q.Line, null,
                ("detail", field), ("value", q.Unit), ("units", UnitNames), ("hint", Suggestions.Hint(Suggestions.Nearest(q.Unit, Unit.Names)))));
            return false;
        }

        unit = found;
        return true;
    }

    private static List<Allocation> Allocations(PlanDto dto) =>
        dto.Allocations.SelectMany(a => a.Targets
                .Where(q => Unit.Find(q.Unit) is not null)
                .Select(q => new Allocation(a.RegionCode, q.Key, q.Min ?? q.Value, q.Max, Unit.Find(q.Unit)!, q.Line)))
            .ToList();

    /// <summary>The flows plan.yaml declares; an entry with an error of its own (reported above) is left out.</summary>
    private static List<Flow> Flows(PlanDto dto, IReadOnlyList<Diagnostic> validation)
    {
        var flows = new List<Flow>();
        for (var i = 0; i < dto.Flows.Count; i++)
        {
            var f = dto.Flows[i];
            var prefix = $"flows[{i}].";
            if (validation.Any(d => d.Severity == Severity.Error && d.Arguments.TryGetValue("field", out var field) && field is string s && s.StartsWith(prefix, StringComparison.Ordinal))) continue;
            if (!FlowKinds.TryParse(f.Kind, out var kind) || f.Amount is not { Value: { } amount } || Unit.Find(f.Amount.Unit) is not { } unit) continue;
            Quantity? Optional(QuantityDto? q) => q is { Value: { } v } && Unit.Find(q.Unit) is { } u ? new Quantity(v, u) : null;
            flows.Add(new Flow
            {
                Id = f.Id!,
                Kind = kind,
                Direction = f.Direction == "in" ? FlowDirection.In : FlowDirection.Out,
                Counterpart = f.Counterpart!,
                Amount = new Quantity(amount, unit),
                Paddy = Optional(f.Paddy),
                Capacity = Optional(f.Capacity),
                Grade = int.TryParse(f.Grade, NumberStyles.None, CultureInfo.InvariantCulture, out var g) ? g : null,
                Indicator = f.Indicator,
                Targets = f.Targets.Where(t => Unit.Find(t.Unit) is not null).Select(t => new FlowTarget(t.Key, t.Min ?? t.Value, t.Max, Unit.Find(t.Unit)!)).ToList(),
                Document = string.IsNullOrWhiteSpace(f.Document) ? null : f.Document,
                ApprovedBy = f.ApprovedBy,
                Year = int.TryParse(f.Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null,
                Expires = DateOnly.TryParseExact(f.Expires, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
                Line = f.Line,
            });
        }

        return flows;
    }

    private static List<Approval> Approvals(PlanDto dto) =>
        dto.Approvals.Select(a => new Approval(
                a.Id ?? "",
                a.Document ?? "",
                a.Rule ?? "",
                a.Features,
                DateOnly.TryParseExact(a.Expires, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
                a.Expires,
                a.Line))
            .ToList();

    /// <summary>
    /// The bytes a folder package's plan.yaml brings into the run: itself and every layer file it names (with a
    /// shapefile's companions), each file once. Other files in the folder are never read, so they do not count.
    /// </summary>
    private static long ReferencedBytes(FolderPackage files, PlanDto dto, LayerSources sources) =>
        dto.Layers.Where(l => !string.IsNullOrEmpty(l.File) && l.SourceKey is null)
            .SelectMany(l => sources.FilesOf(l.File!, files))
            .Append("plan.yaml")
            .Select(PackageFiles.Normalise)
            .Distinct(StringComparer.Ordinal)
            .Sum(files.Length);

    private static List<(string Role, LayerReadResult Result)> LoadLayers(PackageFiles files, PlanDto dto, CrsInfo crs, List<Diagnostic> diagnostics, InputLimits limits, LayerSources sources, CancellationToken cancellation)
    {
        var requests = new List<LayerRequest>();
        var unsafeRoles = new List<(string, LayerReadResult)>();
        var given = new Dictionary<LayerRole, int>();
        foreach (var entry in dto.Layers)
        {
            if (LayerRole.Find(entry.Role) is not { } role || string.IsNullOrEmpty(entry.File)) continue;

            // One role twice (ecological_redline and its alias STBHHX, or two spellings): one file would silently win.
            if (!given.TryAdd(role, entry.Line))
            {
                diagnostics.Add(Diagnostic.Error("plan.field-invalid", files.Show("plan.yaml"), entry.Line, null,
                    ("field", $"layers.{entry.Role}"), ("value", entry.File),
                    ("detail", new LocalizedText($"图层 {role.Name} 已在第 {given[role]} 行给出", $"the layer {role.Name} is already given on line {given[role]}"))));
                continue;
            }

            if (entry.SourceKey is { } key)
            {
                requests.Add(new LayerRequest(role, entry.File, entry.Table, entry.Fields, $"{key}:{entry.File}", crs)
                {
                    Encoding = entry.Encoding, Limits = limits, EntryKey = key, Line = entry.Line, Options = entry.Options ?? new Dictionary<string, LayerOption>(),
                });
                continue;
            }

            var shown = files.Show(entry.File);
            if (!PackageFiles.IsSafe(entry.File))
            {
                // Not read, so broken: rules that need the layer are skipped instead of finding it empty.
                unsafeRoles.Add((role.Name, new LayerReadResult(null, [], [Diagnostic.Error("plan.zip-unsafe-entry", files.Show("plan.yaml"), entry.Line, null, ("entry", entry.File))])));
                continue;
            }

            requests.Add(new LayerRequest(role, entry.File, entry.Table, entry.Fields, shown, crs) { Encoding = entry.Encoding, Limits = limits, Line = entry.Line });
        }

        // A zip archive is not safe to read from several threads; folders are.
        var parallel = files is FolderPackage;
        var results = new (string, LayerReadResult)[requests.Count];
        void ReadOne(int i) => results[i] = (requests[i].Role.Name, sources.Read(files, requests[i], cancellation));
        if (parallel)
        {
            Parallel.For(0, requests.Count, new ParallelOptions { CancellationToken = cancellation }, ReadOne);
        }
        else
        {
            for (var i = 0; i < requests.Count; i++)
            {
                cancellation.ThrowIfCancellationRequested();
                ReadOne(i);
            }
        }
        return [.. unsafeRoles, .. results];
    }

    private static int ParseEpsg(string text) =>
        text.StartsWith("EPSG:", StringComparison.OrdinalIgnoreCase)
        && int.TryParse(text.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : 0;
}

namespace ElementFlow.IO.Packages;

/// <summary>
/// Finds plan packages from what the user named: a package folder, a .zip, or a folder holding
/// packages at any depth. Packages may nest (a city folder holding its counties' folders); a
/// package's own <c>layers/</c> folder is not searched.
/// </summary>
public static class PlanDiscovery
{
    public static IReadOnlyList<string> Find(string path) => Find(path, includeRoot: true);

    /// <param name="includeRoot">False: the packages below a package folder (a rule test's parent and children), not the folder itself.</param>
    public static IReadOnlyList<string> Find(string path, bool includeRoot)
    {
        if (File.Exists(path)) return [path];
        if (!Directory.Exists(path)) return [path]; // the loader reports it as missing
        var found = new List<string>();
        if (includeRoot && File.Exists(Path.Combine(path, "plan.yaml"))) found.Add(path);
        Walk(path, found, depth: 0);
        return includeRoot && found.Count == 0 ? [path] : found;
    }

    private static void Walk(string folder, List<string> found, int depth)
    {
        if (depth > 12) return;
        foreach (var child in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(child);
            if (name.StartsWith('.') || name is "bin" or "obj" or "node_modules" or "layers") continue;
            if (File.Exists(Path.Combine(child, "plan.yaml"))) found.Add(child);
            Walk(child, found, depth + 1);
        }

        found.AddRange(Directory.GetFiles(folder, "*.zip").Order(StringComparer.Ordinal));
    }
}

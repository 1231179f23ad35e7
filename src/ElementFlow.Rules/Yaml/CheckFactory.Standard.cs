using ElementFlow.Rules.Model;
using ElementFlow.Yaml;

namespace ElementFlow.Rules.Yaml;

public sealed partial class CheckFactory
{
    private static readonly string[] StandardAspects = Enum.GetNames<StandardAspect>().Select(n => n.ToLowerInvariant()).ToArray();

    private StandardCheck? Standard(YamlMap map, SourceLocation source)
    {
        var aspect = map.String("aspect");
        if (aspect is null)
        {
            Add("rules.field-required", map.Line, ("field", "aspect"));
            return null;
        }

        if (!StandardAspects.Contains(aspect))
        {
            Add("rules.field-invalid", KeyLine(map, "aspect"), ("field", "aspect"), ("detail", $"'{aspect}' is not one of {string.Join(", ", StandardAspects)}"));
            return null;
        }

        return new StandardCheck(Enum.Parse<StandardAspect>(aspect, ignoreCase: true)) { Source = source };
    }
}

namespace ElementFlow.Rules.Conditions;

/// <summary>
/// Screens a condition's text before Dynamic LINQ parses it, for what the parsed tree no longer shows or
/// what the parser itself could choke on: bracket nesting (the parser recurses per level), unary
/// operator runs (likewise), and Dynamic LINQ's own escapes: <c>@0</c> (values passed to the parser),
/// <c>it</c>/<c>$</c>, <c>parent</c>/<c>^</c>, <c>root</c>/<c>~</c> (implicit parameters), <c>np(...)</c>
/// and <c>new</c>. A rule names its facts and checks for null itself.
/// </summary>
internal static class ConditionText
{
    private static readonly Dictionary<string, string> Keywords = new(StringComparer.Ordinal)
    {
        ["it"] = "'it' (Dynamic LINQ's implicit parameter) is not available; name the fact, e.g. feature.Area",
        ["parent"] = "'parent' (Dynamic LINQ's outer parameter) is not available; use plan.Parent for the parent plan",
        ["root"] = "'root' (Dynamic LINQ's root parameter) is not available; name the fact",
        ["np"] = "np(...) is not available; test for null yourself: x != null && x.Y > 0",
        ["new"] = "creating objects is not allowed",
        ["typeof"] = "typeof(...) and reflection are not available",
    };

    /// <summary>Longest run of prefix operators (! - +) allowed; real conditions use one or two.</summary>
    public const int MaxUnaryRun = 8;

    /// <exception cref="ConditionException">The text uses an escape or nests too deeply.</exception>
    public static void Check(string text, int maxNesting)
    {
        var depth = 0;
        var unaryRun = 0;
        var previous = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                i = EndOfLiteral(text, i);
                previous = c;
                unaryRun = 0;
                continue;
            }

            if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i + 1 < text.Length && (char.IsLetterOrDigit(text[i + 1]) || text[i + 1] == '_')) i++;
                var word = text[start..(i + 1)];
                if (previous != '.' && Keywords.TryGetValue(word, out var why)) throw new ConditionException($"{why} (at character {start + 1})");
                previous = 'a';
                unaryRun = 0;
                continue;
            }

            switch (c)
            {
                case '@':
                    throw new ConditionException($"'@' (Dynamic LINQ's parameter values, e.g. @0) is not available; name rule parameters instead (at character {i + 1})");
                case '$' or '^' or '~':
                    throw new ConditionException($"'{c}' (a Dynamic LINQ shorthand for an implicit parameter) is not available; name the fact (at character {i + 1})");
                case '(' or '[' or '{':
                    if (++depth > maxNesting) throw new ConditionException($"the expression nests brackets more than {maxNesting} deep (at character {i + 1})");
                    break;
                case ')' or ']' or '}':
                    depth--;
                    break;
                case '!' or '-' or '+' when IsPrefix(previous):
                    if (++unaryRun > MaxUnaryRun) throw new ConditionException($"more than {MaxUnaryRun} prefix operators in a row (at character {i + 1})");
                    previous = c;
                    continue;
            }

            if (!char.IsWhiteSpace(c))
            {
                previous = c;
                if (c is not ('!' or '-' or '+')) unaryRun = 0;
            }
        }
    }

    /// <summary>An operator is a prefix when nothing that ends a value comes before it.</summary>
    private static bool IsPrefix(char previous) => previous is '\0' or '(' or '[' or ',' or '!' or '-' or '+' or '*' or '/' or '%' or '<' or '>' or '=' or '&' or '|' or '?' or ':';

    /// <summary>The index of the closing quote of the literal starting at <paramref name="start"/> (backslash escapes), or the last index.</summary>
    private static int EndOfLiteral(string text, int start)
    {
        var quote = text[start];
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\') i++;
            else if (text[i] == quote) return i;
        }

        return text.Length - 1;
    }
}

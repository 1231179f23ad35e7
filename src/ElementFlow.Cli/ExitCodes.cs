namespace ElementFlow.Cli;

/// <summary>The exit codes of DESIGN §5.</summary>
public static class ExitCodes
{
    /// <summary>No finding at or above <c>--fail-on</c>.</summary>
    public const int Clean = 0;

    /// <summary>Some finding at or above <c>--fail-on</c> (or a failing rule test).</summary>
    public const int Findings = 1;

    /// <summary>Bad input or usage: something could not be read.</summary>
    public const int BadInput = 2;
}

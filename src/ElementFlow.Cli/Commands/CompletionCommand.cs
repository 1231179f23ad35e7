using System.CommandLine;
using static ElementFlow.Cli.HelpText;

namespace ElementFlow.Cli.Commands;

/// <summary>
/// <c>elementflow completion bash|zsh|pwsh</c>: prints a shell script that completes commands, options and
/// their values by asking elementflow itself (System.CommandLine's <c>[suggest:position]</c> directive).
/// </summary>
internal static class CompletionCommand
{
    public const string Bash = """
        # elementflow completion for bash: add to ~/.bashrc, or: source <(elementflow completion bash)
        _elementflow_complete() {
          local IFS=$'\n'
          local words
          words=$(elementflow "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)
          COMPREPLY=( $(compgen -W "${words}" -- "${COMP_WORDS[COMP_CWORD]}") )
        }
        complete -o default -F _elementflow_complete elementflow
        """;

    public const string Zsh = """
        #compdef elementflow
        # elementflow completion for zsh: save as _elementflow in a folder of $fpath, or: source <(elementflow completion zsh)
        _elementflow() {
          local -a words
          words=("${(@f)$(elementflow "[suggest:${CURSOR}]" "${BUFFER}" 2>/dev/null)}")
          compadd -a words
        }
        compdef _elementflow elementflow
        """;

    public const string Pwsh = """
        # elementflow completion for PowerShell: add to $PROFILE, or: elementflow completion pwsh | Out-String | Invoke-Expression
        Register-ArgumentCompleter -Native -CommandName elementflow -ScriptBlock {
            param($wordToComplete, $commandAst, $cursorPosition)
            $line = $commandAst.ToString()
            $position = $cursorPosition - $commandAst.Extent.StartOffset
            elementflow "[suggest:$position]" "$line" 2>$null | ForEach-Object {
                [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
            }
        }
        """;

    public static Command Create(CliConsole console)
    {
        var shell = new Argument<string>("shell") { Description = T("bash、zsh 或 pwsh", "bash, zsh or pwsh") }.AcceptOnlyFromAmong("bash", "zsh", "pwsh");
        var command = new Command("completion", T("输出命令补全脚本（bash、zsh、PowerShell）", "Print a shell completion script (bash, zsh, PowerShell)")) { shell };
        command.SetAction(parse =>
        {
            console.Out.WriteLine(parse.GetValue(shell) switch
            {
                "zsh" => Zsh,
                "pwsh" => Pwsh,
                _ => Bash,
            });
            return ExitCodes.Clean;
        });
        return command;
    }
}

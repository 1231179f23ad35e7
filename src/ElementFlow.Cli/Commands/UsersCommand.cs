using System.CommandLine;
using ElementFlow.Server.Security;
using ElementFlow.Server.Store;
using static ElementFlow.Cli.HelpText;

namespace ElementFlow.Cli.Commands;

/// <summary><c>elementflow users add|token</c>: the review server's users, in its store.</summary>
internal static class UsersCommand
{
    /// <summary>Who the audit trail names for changes made at the command line.</summary>
    private const string CommandLine = "(command line)";

    public static Command Create(CliConsole console) => new("users", T("管理审查服务器的用户", "Manage the review server's users"))
    {
        Add(console),
        Token(console),
    };

    private static Command Add(CliConsole console)
    {
        var name = new Argument<string>("name") { Description = T("用户名", "The user name") };
        var role = new Option<string>("--role") { Description = T("角色：reviewer（审查，可见全部并作出决定）| planner（编制，只见自己上传的）| admin（另可管理用户）", "Role: reviewer (sees all, decides) | planner (sees own uploads) | admin (also manages users)"), Required = true }
            .AcceptOnlyFromAmong("reviewer", "planner", "admin");
        var data = ServerOptionsParsing.Data();
        var store = ServerOptionsParsing.Store();
        var lang = CommonOptions.Lang();
        var command = new Command("add", T("添加用户；密码从标准输入读取一行", "Add a user; the password is one line read from stdin")) { name, role, data, store, lang };
        command.SetAction(parse =>
        {
            if (ServerOptionsParsing.OpenStore(console, parse.GetValue(data)!, parse.GetValue(store), out _) is not { } opened) return ExitCodes.BadInput;
            var language = CommonOptions.ParseLanguage(parse.GetValue(lang));
            Roles.TryParse(parse.GetValue(role), out var chosen);
            var password = console.In.ReadLine() ?? "";
            var user = parse.GetValue(name)!;
            if (new UserAdmin(opened).Add(user, chosen, password, CommandLine) is { } refused)
            {
                console.Error.WriteLine($"elementflow: {refused[language]}");
                return ExitCodes.BadInput;
            }

            console.Error.WriteLine(T($"已添加用户 {user}（{chosen.Name()}）", $"Added user {user} ({chosen.Name()})"));
            return ExitCodes.Clean;
        });
        return command;
    }

    private static Command Token(CliConsole console)
    {
        var name = new Argument<string>("name") { Description = T("用户名", "The user name") };
        var data = ServerOptionsParsing.Data();
        var store = ServerOptionsParsing.Store();
        var command = new Command("token", T("为用户签发 API 令牌并输出（只显示这一次）", "Issue an API token for a user and print it (shown this once)")) { name, data, store };
        command.SetAction(parse =>
        {
            if (ServerOptionsParsing.OpenStore(console, parse.GetValue(data)!, parse.GetValue(store), out _) is not { } opened) return ExitCodes.BadInput;
            var user = parse.GetValue(name)!;
            if (new UserAdmin(opened).IssueToken(user, CommandLine) is not { } token)
            {
                console.Error.WriteLine(T($"elementflow: 没有用户 {user}", $"elementflow: there is no user {user}"));
                return ExitCodes.BadInput;
            }

            console.Out.WriteLine(token);
            return ExitCodes.Clean;
        });
        return command;
    }
}

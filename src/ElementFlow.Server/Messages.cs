using ElementFlow.Core.Text;

namespace ElementFlow.Server;

/// <summary>Every message the server says, in Chinese and English side by side.</summary>
public static class Messages
{
    public static readonly LocalizedText SignInFailed = new("用户名或密码错误", "Wrong user name or password");
    public static readonly LocalizedText SignInRequired = new("请先登录，或提供 API 令牌（Authorization: Bearer …）", "Sign in first, or send an API token (Authorization: Bearer …)");
    public static readonly LocalizedText Forbidden = new("你的角色不能执行此操作", "Your role may not do this");
    public static readonly LocalizedText AntiforgeryFailed = new("缺少或无效的防伪令牌（请求头 X-CSRF-TOKEN）：用会话 Cookie 修改数据时必须提供", "The anti-forgery token (header X-CSRF-TOKEN) is missing or invalid: calls that change data with the session cookie must send it");
    public static readonly LocalizedText ReviewNotFound = new("没有这个审查", "No such review");
    public static readonly LocalizedText NotMultipart = new("请以 multipart/form-data 上传，字段名为 package", "Upload as multipart/form-data with the field 'package'");
    public static readonly LocalizedText NoPackageField = new("请求中没有 package 字段（规划包 .zip）", "The request has no field 'package' (a plan package .zip)");
    public static readonly LocalizedText NotAZip = new("package 必须是 .zip 文件", "'package' must be a .zip file");
    public static readonly LocalizedText BadPackage = new("规划包无法接收，见诊断信息", "The plan package cannot be accepted; see the diagnostics");
    public static readonly LocalizedText ReviewNotDone = new("检查尚未完成，报告还没有生成", "The check has not finished; there is no report yet");
    public static readonly LocalizedText ShortPassword = new("密码至少 8 个字符", "A password needs at least 8 characters");
    public static readonly LocalizedText BadDecisionBody = new("请求体应为 JSON：{finding, decision, note, document}", "The body should be JSON: {finding, decision, note, document}");
    public static readonly LocalizedText BadDecision = new("decision 应为 confirmed、exception 或 comment", "'decision' must be confirmed, exception or comment");
    public static readonly LocalizedText BadUserBody = new("请求体应为 JSON：{username, password, role}", "The body should be JSON: {username, password, role}");
    public static readonly LocalizedText NoMap = new("此审查没有地图：规划的坐标系不是 CGCS2000，或审查早于地图功能", "This review has no map: the plan's CRS is not CGCS2000, or the review was checked before maps were kept");
    public static readonly LocalizedText CheckFailed = new("检查失败", "The check failed");

    public static LocalizedText UploadTooLarge(string limit) => new($"上传超过 {limit} 的上限（--max-upload）", $"The upload is larger than the limit of {limit} (--max-upload)");

    public static LocalizedText PackageTooLarge(string limit) => new($"规划包解压后超过 {limit} 的上限（--max-package-size）", $"The package unpacks to more than the limit of {limit} (--max-package-size)");

    public static LocalizedText UnknownFormat(string format, string formats) => new($"没有 {format} 格式的报告；可用：{formats}", $"No report format '{format}'; use one of {formats}");

    public static LocalizedText FormatUnavailable(string format, string reason) => new($"{format} 报告未能生成：{reason}", $"The {format} report could not be written: {reason}");

    public static LocalizedText UnknownFinding(string finding) => new($"本审查的报告中没有指纹为 {finding} 的问题", $"The review's report has no finding with fingerprint {finding}");

    public static LocalizedText BadUserName(string name) => new($"用户名 '{name}' 无效：只能用字母、数字、.、_、-，最长 64 个字符", $"The user name '{name}' is not valid: letters, digits, '.', '_' and '-', at most 64");

    public static LocalizedText UserExists(string name) => new($"用户 {name} 已存在", $"The user {name} already exists");

    public static LocalizedText OtherPlan(string plan, string other) => new($"只能比较同一规划的版本：{plan} 与 {other} 不是同一规划", $"Only versions of one plan compare: {plan} and {other} are different plans");

    public static LocalizedText UnknownRole(string role) => new($"角色 '{role}' 无效：reviewer、planner 或 admin", $"The role '{role}' is not one of reviewer, planner, admin");
}

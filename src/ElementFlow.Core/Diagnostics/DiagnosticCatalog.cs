using ElementFlow.Core.Text;

namespace ElementFlow.Core.Diagnostics;

/// <summary>
/// Every diagnostic message, in Chinese and English side by side, keyed by a stable code.
/// Placeholders are named; the code, not the text, is what tools and tests rely on.
/// </summary>
public static class DiagnosticCatalog
{
    private static readonly Dictionary<string, LocalizedText> Templates = new(StringComparer.Ordinal)
    {
        // Plan packages.
        ["plan.not-found"] = new(
            "找不到规划包：{path} 下没有 plan.yaml。规划包是根目录含 plan.yaml 的文件夹或 .zip 文件。",
            "No plan package at {path}: there is no plan.yaml. A plan package is a folder or .zip with plan.yaml at its root."),
        ["plan.path-missing"] = new("路径不存在：{path}", "No such file or folder: {path}"),
        ["plan.zip-unreadable"] = new("无法读取压缩包 {path}：{detail}", "Cannot read the zip archive {path}: {detail}"),
        ["plan.zip-unsafe-entry"] = new(
            "压缩包条目 {entry} 指向包外，已拒绝。",
            "Zip entry {entry} points outside the archive; refused."),
        ["plan.zip-duplicate-entry"] = new(
            "压缩包中条目 {entry} 出现不止一次；各解压工具取用的不一定是同一个，检查结果不可靠（本次读取第一个）。",
            "Zip entry {entry} appears more than once; unzip tools disagree on which one wins, so the check cannot be trusted (the first one was read)."),
        ["yaml.syntax"] = new("YAML 语法错误：{detail}", "YAML syntax error: {detail}"),
        ["yaml.not-unicode"] = new(
            "文件不是 UTF-8 编码（本行有无效字节）。YAML 文件须为 UTF-8，请另存为 UTF-8（是否存成了 GBK？）。",
            "The file is not UTF-8 text (invalid bytes on this line). YAML files must be UTF-8: save it as UTF-8 (was it saved as GBK?)."),
        ["yaml.unknown-key"] = new("未知字段 {key}{hint}可用字段：{known}", "Unknown key {key}{hint} Known keys: {known}"),
        ["yaml.wrong-shape"] = new("{field} 应为{expected}。", "{field} must be {expected}."),
        ["plan.field-required"] = new("缺少必填字段 {field}。", "{field} is required."),
        ["plan.field-invalid"] = new("{field} 的值 '{value}' 无效：{detail}", "{field} has an invalid value '{value}': {detail}"),
        ["plan.unknown-level"] = new(
            "未知规划层级 '{value}'{hint}可选：national、province、city、county、township（或 国家级、省级、市级、县级、乡镇级）。",
            "Unknown plan level '{value}'{hint} Use one of: national, province, city, county, township (or 国家级, 省级, 市级, 县级, 乡镇级)."),
        ["plan.unknown-type"] = new(
            "未知规划类型 '{value}'{hint}可选：overall、detailed、special（或 总体规划、详细规划、专项规划）。",
            "Unknown plan type '{value}'{hint} Use one of: overall, detailed, special (or 总体规划, 详细规划, 专项规划)."),
        ["plan.unknown-role"] = new(
            "未知图层角色 '{value}'{hint}可用角色：{roles}（或标准图层名 STBHHX、YJJBNT、CZKFBJ、GHFQ、GHYDYH 等）。",
            "Unknown layer role '{value}'{hint} Known roles: {roles} (or standard layer names such as STBHHX, YJJBNT, CZKFBJ, GHFQ, GHYDYH)."),
        ["plan.unknown-unit"] = new(
            "{detail} 的单位 '{value}' 无法识别{hint}可用单位：{units}。",
            "{detail} has an unknown unit '{value}'{hint} Use one of: {units}."),
        ["plan.unit-dimension"] = new(
            "指标 {key} 的单位 {unit} 不是{expected}类单位。",
            "Indicator {key} is in {unit}, which does not measure {expected}."),
        ["plan.misspelt-indicator"] = new(
            "未知指标 {key}{hint}该指标视为未能读取，请改正键名。",
            "Unknown indicator key {key}{hint} The indicator is taken as unreadable until the key is fixed."),
        ["plan.unknown-flow-kind"] = new(
            "{field} 的流动类型 '{value}' 无法识别。可选：farmland_quota、linkage_quota、construction_quota、pbf_relocation、eco_compensation。",
            "{field}: unknown flow kind '{value}'. Use one of: farmland_quota, linkage_quota, construction_quota, pbf_relocation, eco_compensation."),
        ["plan.unknown-indicator"] = new(
            "未知指标 {key}：已读入，但内置规则不会使用它。",
            "Unknown indicator key {key}: kept, but no built-in rule reads it."),
        ["plan.crs-unparsed"] = new(
            "坐标系 '{crs}' 无法识别，应写为 EPSG:代码，例如 EPSG:4527。",
            "Cannot read the CRS '{crs}'; write it as EPSG:code, e.g. EPSG:4527."),

        // Plan trees.
        ["tree.parent-missing"] = new(
            "上级规划 {parent} 不存在（由 {plan} 的 parent 指定）。请修正 parent 路径，或去掉它以单独检查本规划。",
            "The parent plan {parent} named by {plan} does not exist. Fix the parent path, or remove it to check this plan on its own."),
        ["tree.cycle"] = new(
            "规划 {plan} 的上级链形成循环：{chain}。请修正 parent。",
            "The parent chain of {plan} loops: {chain}. Fix the parent entries."),
        ["tree.duplicate-region"] = new(
            "同一行政区 {region} 有两份{kind}：{first} 与 {second}。一个规划树中每个行政区每类规划只能有一份。",
            "Region {region} has two {kind} plans: {first} and {second}. A plan tree holds one plan of each kind per region."),
        ["tree.duplicate-id"] = new(
            "规划编号 {plan} 重复：{first} 与 {second}。规划树中的编号必须唯一。",
            "Plan id {plan} is used twice: {first} and {second}. Ids are unique in a plan tree."),

        // Layers.
        ["layer.file-missing"] = new(
            "图层 {role} 的文件 {file} 不存在。请检查 plan.yaml 中的路径（相对于规划包根目录）。",
            "Layer {role}: file {file} does not exist. Check the path in plan.yaml (relative to the package root)."),
        ["layer.unsupported-format"] = new(
            "图层 {role} 的文件 {file} 格式不受支持；可用 .geojson、.json、.gpkg、.shp 或 .gdb（文件地理数据库）。",
            "Layer {role}: {file} is not a supported format; use .geojson, .json, .gpkg, .shp or a .gdb File Geodatabase."),
        ["layer.unreadable"] = new("无法读取图层 {role}（{file}）：{detail}", "Cannot read layer {role} ({file}): {detail}"),
        ["layer.crs-mismatch"] = new(
            "图层 {role} 声明的坐标系为 {layer_crs}，而规划为 {plan_crs}。请将图层转换到规划坐标系。",
            "Layer {role} declares CRS {layer_crs}, but the plan is in {plan_crs}. Reproject the layer to the plan's CRS."),
        ["layer.crs-detected"] = new(
            "图层 {roles} 声明的坐标系为 {declared}，但坐标（{evidence}）表明实为 {actual}{how}；已按 {actual} 读取。请更正图层或 plan.yaml 中的坐标系声明。",
            "Layers {roles} declare {declared}, but their coordinates ({evidence}) are in {actual}{how}; they were read as {actual}. Correct the CRS declared by the layers or in plan.yaml."),
        ["layer.reprojected"] = new(
            "图层 {role} 的坐标系为 {from}，已转换到规划量算坐标系 {to}。",
            "Layer {role} is in {from}; it was reprojected to the plan's {to}."),
        ["plan.measured-in-zone"] = new(
            "规划坐标系 {crs} 为经纬度；面积和距离在规划范围中心所在的3度带 {zone}（高斯-克吕格投影）中量算，结果中的图形亦为该坐标系。",
            "The plan's CRS {crs} is geographic; areas and distances are measured in {zone}, the 3-degree Gauss-Krüger zone of the boundary's centre, and the geometries in the results are in that CRS."),
        ["layer.encoding-guessed"] = new(
            "{file} 旁没有 .cpg，dBase 语言驱动字节 {ldid} 未指明编码；按内容判断属性文字为 {encoding} 编码。如中文显示不对，请在 plan.yaml 中为该图层写明 encoding（如 encoding: GBK）。",
            "{file} has no .cpg and its dBase language byte {ldid} names no code page; the attribute text reads as {encoding}. If the Chinese text looks wrong, set encoding: for the layer in plan.yaml (e.g. encoding: GBK)."),
        ["layer.field-truncated"] = new(
            "字段 {field} 按 {name} 读取（dBase 字段名最多10个字符，{name} 被截断为 {field}）。",
            "Field {field} is read as {name} (dBase cuts field names at 10 characters)."),
        ["layer.field-truncated-ambiguous"] = new(
            "字段 {field} 可能是被截断到10个字符的 {names} 之一，无法确定，按 {field} 读取。请在 plan.yaml 的 fields 中写明对应关系。",
            "Field {field} may be any of {names} cut to 10 characters; it is read as {field}. Map it under fields: in plan.yaml."),
        ["layer.cpg-unknown"] = new(
            "{file} 旁的 .cpg 文件写的编码 '{name}' 无法识别，属性文字改按 dBase 语言驱动字节或 UTF-8 解码。请核对中文属性，或在 plan.yaml 中为该图层写明 encoding。",
            "The .cpg beside {file} names an unknown encoding '{name}'; attribute text is decoded by the dBase language byte or as UTF-8 instead. Check the Chinese attributes, or set encoding: for the layer in plan.yaml."),
        ["layer.bad-coordinates"] = new(
            "要素坐标含 NaN 或无穷大，已按空几何处理。",
            "The feature has NaN or infinite coordinates; it is treated as having no geometry."),

        ["layer.curves-densified"] = new(
            "图层 {role} 有 {count} 个要素含曲线（圆弧），已加密为折线读取；面积与距离按折线计算。",
            "Layer {role} has {count} features with curves (arcs); they were densified into straight segments, and areas and distances are measured on those."),

        // The PostGIS store (DESIGN §6, §7).
        ["postgis.connection-failed"] = new("{detail}", "{detail}"),
        ["postgis.permission-denied"] = new(
            "图层 {role}：数据库用户 {user} 无权读取 {table}（{store}）。请数据库管理员授权：GRANT SELECT ON {table} TO {user};",
            "Layer {role}: the database user {user} may not read {table} ({store}). Ask the database administrator for: GRANT SELECT ON {table} TO {user};"),
        ["postgis.statement-timeout"] = new(
            "图层 {role}：读取 {table} 超过 {seconds} 秒，已中止（--statement-timeout）。请给筛选列建索引，或放宽 --statement-timeout。",
            "Layer {role}: reading {table} took longer than {seconds} s and was stopped (--statement-timeout). Index the filter columns, or raise --statement-timeout."),
        ["postgis.publish-failed"] = new(
            "无法把检查结果写入 {table}（{store}）：{detail}",
            "Cannot write the findings into {table} ({store}): {detail}"),
        ["plan.password-refused"] = new(
            "plan.yaml 中不得写数据库密码（{field}）。请删除它，改用 --db、环境变量 PGPASSWORD 或 ~/.pgpass 提供密码。",
            "plan.yaml must not hold a database password ({field}). Remove it and give the password with --db, PGPASSWORD or ~/.pgpass."),

        // Input limits (InputLimits): one code, the subject and amount phrased by LimitPhrase below.
        ["limit.exceeded"] = new(
            "{subject}{amount}，超过上限 {limit}（{option}）。如确属真实数据，可提高上限：{option} {suggested}",
            "{subject} {amount}, more than the limit of {limit} ({option}). If this is genuine, raise the limit: {option} {suggested}"),
        ["yaml.too-deep"] = new(
            "YAML 嵌套超过 {limit} 层，已拒绝读取（规划与规则文件只需几层）。",
            "The YAML nests deeper than {limit} levels; refused (plan and rule files need a few)."),

        // Rule sets.
        ["rules.folder-missing"] = new("规则目录不存在：{path}", "No such rule folder: {path}"),
        ["rules.none"] = new("{path} 中没有规则集（*.yaml）。", "No rule sets (*.yaml) in {path}."),
        ["rules.field-required"] = new("规则 {rule}：缺少 {field}。", "Rule {rule}: {field} is required."),
        ["rules.field-invalid"] = new("规则 {rule}：{field} 无效：{detail}", "Rule {rule}: {field} is invalid: {detail}"),
        ["rules.duplicate-id"] = new("规则编号 {rule} 重复（首次定义于 {first}）。", "Rule id {rule} is defined twice (first in {first})."),
        ["rules.unknown-kind"] = new(
            "规则 {rule}：未知检查类型 '{kind}'{hint}可用类型：{kinds}。",
            "Rule {rule}: unknown check kind '{kind}'{hint} Known kinds: {kinds}."),
        ["rules.unknown-parameter"] = new(
            "规则 {rule}：检查类型 {kind} 没有参数 '{parameter}'{hint}可用参数：{known}。",
            "Rule {rule}: check kind {kind} has no parameter '{parameter}'{hint} Known parameters: {known}."),
        ["rules.unused-parameter"] = new(
            "规则 {rule}：参数 '{parameter}' 未在条件表达式中使用。",
            "Rule {rule}: parameter '{parameter}' is not used by any expression of the check."),
        ["rules.condition"] = new(
            "规则 {rule}：{field} 表达式无法解析：{detail}",
            "Rule {rule}: the {field} expression does not parse: {detail}"),
        ["rules.unknown-placeholder"] = new(
            "规则 {rule}：消息模板使用了未知占位符 '{name}'。可用占位符：{known}。",
            "Rule {rule}: the message uses an unknown placeholder '{name}'. Available: {known}."),
        ["rules.unknown-role"] = new(
            "规则 {rule}：{field} 引用了未知图层角色 '{role}'{hint}",
            "Rule {rule}: {field} names an unknown layer role '{role}'{hint}"),
        ["rules.unknown-indicator"] = new(
            "规则 {rule}：{field} 引用了未知指标 '{key}'。",
            "Rule {rule}: {field} names an unknown indicator '{key}'."),
        ["standard.not-found"] = new(
            "找不到数据库标准 '{standard}'：既不是内置标准（{known}），也不是规划包中的文件。",
            "No database standard '{standard}': neither a built-in one ({known}) nor a file of the package."),
        ["standard.extends-cycle"] = new(
            "数据库标准 '{standard}' 的 extends 形成循环（或嵌套过深）。",
            "The extends of database standard '{standard}' loop back on themselves (or nest too deep)."),
        ["rules.extends-unknown"] = new(
            "规则集 {ruleset} 扩展的规则集 '{extends}' 不存在。可用：{known}。",
            "Rule set {ruleset} extends '{extends}', which is not loaded. Available: {known}."),
        ["rules.override-unknown-rule"] = new(
            "规则集 {ruleset} 覆盖的规则 {rule} 不在其扩展的规则集中。",
            "Rule set {ruleset} overrides rule {rule}, which is not in the sets it extends."),
        ["rules.override-id"] = new("规则 {rule} 的编号不能被覆盖。", "The id of rule {rule} cannot be overridden."),
        ["rules.missing-tests"] = new(
            "规则 {rule} 缺少{what}测试用例（rules/tests/{rule}/）。",
            "Rule {rule} has no {what} test case (rules/tests/{rule}/)."),
    };

    /// <summary>The parts of a <c>limit.exceeded</c> message: what exceeded (subject) and by how much (amount).</summary>
    private static readonly Dictionary<string, LocalizedText> LimitPhrases = new(StringComparer.Ordinal)
    {
        ["feature"] = new("图层 {role}（{file}）的要素 {feature}", "Feature {feature} of layer {role} ({file})"),
        ["layer"] = new("图层 {role}（{file}）", "Layer {role} ({file})"),
        ["package"] = new("规划包 {file}", "Package {file}"),
        ["yaml"] = new("YAML 文件 {file}", "The YAML file {file}"),
        ["vertices"] = new(" 有 {count} 个顶点", "has {count} vertices"),
        ["features"] = new(" 有 {count} 个要素", "has {count} features"),
        ["aliases"] = new(" 展开后使用了 {count} 处别名（*名称）", "uses {count} aliases (*name) once expanded"),
        ["zip-declared"] = new(" 解压后共 {size}", "unpacks to {size}"),
        ["zip-read"] = new(" 解压后的数据多于其条目头所声明的大小（条目头被伪造或损坏）", "unpacks to more than its entry headers declare (forged or broken headers)"),
        ["folder-files"] = new(" 中 plan.yaml 引用的文件共 {size}", "holds {size} in the files plan.yaml references"),
    };

    /// <summary>One part of a <c>limit.exceeded</c> message, in both languages, with its placeholders filled.</summary>
    public static LocalizedText LimitPhrase(string key, params (string Name, object? Value)[] args)
    {
        var phrase = LimitPhrases[key];
        var values = args.ToDictionary(a => a.Name, a => a.Value);
        return new LocalizedText(MessageTemplate.Render(phrase.Zh, values), MessageTemplate.Render(phrase.En, values));
    }

    public static IReadOnlyDictionary<string, LocalizedText> LimitPhraseTemplates => LimitPhrases;

    /// <summary>The template for a code; an unknown code renders its own name so nothing is ever lost.</summary>
    public static LocalizedText Template(string code) =>
        Templates.TryGetValue(code, out var t) ? t : new LocalizedText(code + " {detail}", code + " {detail}");

    public static IReadOnlyCollection<string> Codes => Templates.Keys;
}

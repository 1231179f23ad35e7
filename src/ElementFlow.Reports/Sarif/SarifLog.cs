using System.Text.Json.Serialization;

namespace ElementFlow.Reports.Sarif;

// The parts of SARIF 2.1.0 ElementFlow writes, as plain records (the SARIF SDK is not available
// here). Names follow the schema; System.Text.Json writes them camelCase and leaves nulls out.
internal sealed record SarifLog(
    [property: JsonPropertyName("$schema")] string Schema,
    string Version,
    IReadOnlyList<Run> Runs);

internal sealed record Run(
    Tool Tool,
    IReadOnlyList<Invocation> Invocations,
    string Language,
    IReadOnlyDictionary<string, ArtifactLocation>? OriginalUriBaseIds,
    IReadOnlyList<Artifact> Artifacts,
    IReadOnlyList<Result> Results,
    IReadOnlyDictionary<string, object?>? Properties);

internal sealed record Tool(ToolComponent Driver);

internal sealed record ToolComponent(
    string Name,
    string FullName,
    string Version,
    string SemanticVersion,
    IReadOnlyList<ReportingDescriptor> Rules);

internal sealed record ReportingDescriptor(
    string Id,
    string? Name = null,
    MultiformatMessage? ShortDescription = null,
    MultiformatMessage? FullDescription = null,
    MultiformatMessage? Help = null,
    ReportingConfiguration? DefaultConfiguration = null,
    IReadOnlyDictionary<string, object?>? Properties = null);

internal sealed record ReportingConfiguration(string Level);

internal sealed record MultiformatMessage(string Text, string? Markdown = null);

internal sealed record Message(string Text);

internal sealed record Invocation(bool ExecutionSuccessful, IReadOnlyList<Notification> ToolExecutionNotifications);

internal sealed record Notification(Message Message, string Level, IReadOnlyList<Location>? Locations, ReportingDescriptorReference? Descriptor, ReportingDescriptorReference? AssociatedRule);

internal sealed record ReportingDescriptorReference(string Id, int? Index = null);

internal sealed record Artifact(ArtifactLocation Location, string? MimeType);

internal sealed record ArtifactLocation(string Uri, string? UriBaseId = null, int? Index = null);

internal sealed record Result(
    string RuleId,
    int RuleIndex,
    string Level,
    Message Message,
    IReadOnlyList<Location> Locations,
    IReadOnlyList<Location>? RelatedLocations,
    IReadOnlyDictionary<string, string> PartialFingerprints,
    IReadOnlyList<Suppression>? Suppressions,
    string? BaselineState,
    IReadOnlyDictionary<string, object?> Properties);

internal sealed record Location(
    int? Id,
    PhysicalLocation? PhysicalLocation,
    IReadOnlyList<LogicalLocation>? LogicalLocations,
    Message? Message = null);

internal sealed record PhysicalLocation(ArtifactLocation ArtifactLocation, Region? Region);

internal sealed record Region(int StartLine);

internal sealed record LogicalLocation(string Name, string FullyQualifiedName, string Kind);

internal sealed record Suppression(string Kind, string Status, string Justification, IReadOnlyDictionary<string, object?>? Properties);

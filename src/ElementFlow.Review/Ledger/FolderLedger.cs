using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ElementFlow.Review.Ledger;

/// <summary>
/// The default ledger: a folder (<c>DIR/ledger</c> of the review's <c>--out</c>), one file per finished task
/// (<c>TASK.json</c>) and one per task begun (<c>TASK.attempts</c>, its count of attempts), each written atomically.
/// One review process at a time; several processes or machines share a PostgreSQL ledger instead.
/// </summary>
public sealed class FolderLedger : IReviewLedger
{
    private readonly string _folder;
    private readonly object _gate = new();

    public FolderLedger(string folder)
    {
        _folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(_folder);
    }

    public string Name => _folder;

    public TaskRecord? Find(string taskId)
    {
        var path = DonePath(taskId);
        if (!File.Exists(path)) return null;
        try
        {
            return Read(JsonNode.Parse(File.ReadAllBytes(path))!.AsObject());
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            // Cannot happen through AtomicFile; a file damaged by hand is a task to redo, not a review to stop.
            return null;
        }
    }

    public int Attempts(string taskId)
    {
        lock (_gate)
        {
            var path = AttemptsPath(taskId);
            return File.Exists(path) && int.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        }
    }

    public long BeginAttempt(string taskId, string worker)
    {
        lock (_gate)
        {
            var next = Attempts(taskId) + 1;
            AtomicFile.Write(AttemptsPath(taskId), next.ToString(CultureInfo.InvariantCulture));
            return next;
        }
    }

    public bool Complete(TaskRecord record)
    {
        lock (_gate)
        {
            if (record.Fence < Attempts(record.TaskId)) return false;
            return AtomicFile.Write(DonePath(record.TaskId), Write(record).ToJsonString(), replace: false);
        }
    }

    private string DonePath(string taskId) => Path.Combine(_folder, taskId + ".json");

    private string AttemptsPath(string taskId) => Path.Combine(_folder, taskId + ".attempts");

    internal static JsonObject Write(TaskRecord r) => new()
    {
        ["task"] = r.TaskId,
        ["kind"] = r.Kind.ToString().ToLowerInvariant(),
        ["plans"] = new JsonArray(r.PlanIds.Select(p => (JsonNode)JsonValue.Create(p)).ToArray()),
        ["status"] = r.Status.ToString().ToLowerInvariant(),
        ["attempts"] = r.Attempts,
        ["seconds"] = Math.Round(r.Seconds, 3),
        ["worker"] = r.Worker,
        ["error"] = r.Error,
        ["fence"] = r.Fence,
        ["report"] = r.Report.DeepClone(),
    };

    internal static TaskRecord Read(JsonObject o) => new(
        (string)o["task"]!,
        Enum.Parse<TaskKind>((string)o["kind"]!, ignoreCase: true),
        o["plans"]!.AsArray().Select(p => (string)p!).ToList(),
        Enum.Parse<TaskOutcome>((string)o["status"]!, ignoreCase: true),
        (int)o["attempts"]!,
        (double)o["seconds"]!,
        (string)o["worker"]!,
        (string?)o["error"],
        o["report"]!.AsObject())
    {
        Fence = (long)o["fence"]!,
    };
}

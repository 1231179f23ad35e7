using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ElementFlow.Review.Ledger;

/// <summary>
/// The default ledger: a folder (<c>DIR/ledger</c> of the review's <c>--out</c>), one file per finished task
/// (<c>TASK.json</c>) and one per task begun (<c>TASK.attempts</c>: its count of attempts, the worker, the lease and
/// the last error), each written atomically. Writes hold an exclusive lock file, so silos on one host may share it;
/// silos on several machines share a PostgreSQL ledger instead.
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
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException or IOException)
        {
            // Cannot happen through AtomicFile; a file damaged by hand is a task to redo, not a review to stop.
            return null;
        }
    }

    public int Attempts(string taskId) => Latest(taskId)?.Attempt ?? 0;

    public AttemptState? Latest(string taskId)
    {
        var path = AttemptsPath(taskId);
        string text;
        try
        {
            if (!File.Exists(path)) return null;
            text = File.ReadAllText(path).Trim();
        }
        catch (IOException)
        {
            return null;
        }

        // Ledgers written before leases hold the count alone.
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count)) return new AttemptState(count, null, null, null);
        try
        {
            var o = JsonNode.Parse(text)!.AsObject();
            var until = (long?)o["lease_until_ms"];
            return new AttemptState((int)o["attempts"]!, (string?)o["worker"], until is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null, (string?)o["error"]);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    public long BeginAttempt(string taskId, string worker, DateTimeOffset? leaseUntil = null) => Locked(() =>
    {
        var next = Attempts(taskId) + 1;
        WriteAttempt(taskId, new AttemptState(next, worker, leaseUntil, null));
        return (long)next;
    });

    public bool Renew(string taskId, long fence, DateTimeOffset until) => Locked(() =>
    {
        if (File.Exists(DonePath(taskId)) || Latest(taskId) is not { } latest || latest.Attempt != fence) return false;
        WriteAttempt(taskId, latest with { LeaseUntil = until });
        return true;
    });

    public void Abandon(string taskId, long fence, string error) => Locked(() =>
    {
        if (Latest(taskId) is { } latest && latest.Attempt == fence) WriteAttempt(taskId, latest with { LeaseUntil = DateTimeOffset.UtcNow, Error = error });
        return true;
    });

    public bool Complete(TaskRecord record) => Locked(() =>
        record.Fence >= Attempts(record.TaskId) && AtomicFile.Write(DonePath(record.TaskId), Write(record).ToJsonString(), replace: false));

    /// <summary>Runs a read-modify-write under this process's lock and the folder's lock file, which other processes take too.</summary>
    private T Locked<T>(Func<T> action)
    {
        lock (_gate)
        {
            var path = Path.Combine(_folder, ".lock");
            for (var wait = 1; ; wait = Math.Min(wait * 2, 50))
            {
                FileStream? held = null;
                try
                {
                    held = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                }
                catch (IOException)
                {
                    Thread.Sleep(wait);
                    continue;
                }

                using (held) return action();
            }
        }
    }

    private void WriteAttempt(string taskId, AttemptState state) => AtomicFile.Write(AttemptsPath(taskId), new JsonObject
    {
        ["attempts"] = state.Attempt,
        ["worker"] = state.Worker,
        ["lease_until_ms"] = state.LeaseUntil?.ToUnixTimeMilliseconds(),
        ["error"] = state.Error,
    }.ToJsonString());

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

using ElementFlow.Fuzz;
using SharpFuzz;

// Usage: ElementFlow.Fuzz <package|zip|geojson|ruleset|filegdb> [input-file]
// Under afl-fuzz (tests/fuzz/run.sh) it serves inputs in a loop; given a file it runs that one input,
// which is how a crash is replayed with its stack trace. Replay with the normal build
// (dotnet run --project tests/ElementFlow.Fuzz -c Release -- TARGET FILE): an instrumented copy
// writes coverage into afl's shared memory, which outside afl-fuzz does not exist.
if (args.Length == 0 || !FuzzTargets.All.TryGetValue(args[0], out var target))
{
    Console.Error.WriteLine($"usage: ElementFlow.Fuzz <{string.Join('|', FuzzTargets.All.Keys)}> [input-file]");
    return 2;
}

if (args.Length > 1)
{
    target(File.ReadAllBytes(args[1]));
    Console.WriteLine("no exception");
    return 0;
}

// Out of process: a stack overflow or a crash of the runtime kills only the child, which SharpFuzz
// reports to afl-fuzz as a crash and restarts, instead of taking the fork server down.
Fuzzer.OutOfProcess.Run(stream =>
{
    using var copy = new MemoryStream();
    stream.CopyTo(copy);
    target(copy.ToArray());
});
return 0;

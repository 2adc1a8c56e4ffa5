using System.Diagnostics;
using AgentCoreLint.Benchmarks;
using AgentCoreLint.Core.Engine;
using BenchmarkDotNet.Running;

// `throughput [N]`: lint N generated request documents (default 10,000) end to end through the engine, as a
// directory run does, and print documents per second. `bdn`: BenchmarkDotNet micro-benchmarks of one document.
var mode = args.FirstOrDefault() ?? "throughput";
if (mode == "bdn")
{
    BenchmarkRunner.Run<SingleDocumentBenchmarks>(args: args.Skip(1).ToArray());
    return 0;
}

var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
var dir = Directory.CreateTempSubdirectory("acl-bench-").FullName;
try
{
    Corpus.Write(dir, count);
    var linter = Linter.CreateDefault();
    var options = new LintOptions { SourceRoot = dir };

    // Warm-up on a few files so JIT and schema loading are not billed to the measured run (a one-file start-up is
    // measured separately by tests/benchmarks/startup.sh).
    linter.Lint(Directory.GetFiles(dir).Take(20), options);

    var stopwatch = Stopwatch.StartNew();
    var report = linter.Lint(new[] { dir }, options);
    stopwatch.Stop();
    Console.WriteLine($"{report.FilesScanned} documents, {report.TargetsChecked} requests, {report.Results.Count} findings " +
                      $"in {stopwatch.Elapsed.TotalSeconds:0.00} s ({report.FilesScanned / stopwatch.Elapsed.TotalSeconds:0} documents/s) " +
                      $"on {Environment.ProcessorCount} cores; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB");
    return 0;
}
finally
{
    Directory.Delete(dir, recursive: true);
}

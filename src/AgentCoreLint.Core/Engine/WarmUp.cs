using System.Text;
using AgentCoreLint.Core.Loading;

namespace AgentCoreLint.Core.Engine;

/// <summary>
/// First-use work moved off the critical path of a short run. A pre-commit hook lints one or a few small files, so a
/// run is mostly start-up: the service model's shape table, detection, the shape validator's patterns, the secret
/// patterns, the JSON and YAML readers and the semantic rules. <see cref="Start"/> lints a small embedded request
/// once on a background thread while the caller parses its command line and reads its files, so that the first real
/// use finds that code ready. It pays most for the portable (JIT) build; docs/installation.md has the figures.
/// </summary>
public static class WarmUp
{
    private static int _started;

    private static readonly byte[] Prime = Encoding.UTF8.GetBytes(
        "{\"agentRuntimeName\": \"warm_up\", \"roleArn\": \"arn:aws:iam::123456789012:role/WarmUp\", " +
        "\"agentRuntimeArtifact\": {\"containerConfiguration\": {\"containerUri\": \"123456789012.dkr.ecr.us-east-1.amazonaws.com/warm-up:1\"}}, " +
        "\"networkConfiguration\": {\"networkMode\": \"PUBLIC\"}, \"environmentVariables\": {\"WARM\": \"up\"}}");

    /// <summary>Starts the warm-up once per process; later calls do nothing. Never throws, and never delays exit
    /// (the thread is a background thread).</summary>
    /// <param name="paths">The paths the run will lint, as given (files or directories; none means the current
    /// directory). Only their extensions are looked at, and whether they are directories.</param>
    public static void Start(IReadOnlyList<string> paths)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            return;
        }

        var yaml = paths.Count == 0 || paths.Any(p => !HasExtension(p, ".json"));
        var thread = new Thread(() =>
        {
            try
            {
                if (yaml)
                {
                    _ = DocumentLoader.Load(Encoding.UTF8.GetBytes("a: [1, true]\nb: text\n"), "warm-up.yaml");
                }

                _ = Linter.CreateDefault().LintContent(Prime, "warm-up.json", isExplicit: true, new LintOptions());
            }
            catch (Exception)
            {
                // Warming is an optimisation: whatever fails here fails again, and is reported, on the real path.
            }
        })
        {
            IsBackground = true,
            Name = "agentcorelint warm-up",
        };
        thread.Start();
    }

    // True when the path names a file with one of the extensions (a directory or another name may hold any format).
    private static bool HasExtension(string path, params string[] extensions) =>
        extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)) && !Directory.Exists(path);
}

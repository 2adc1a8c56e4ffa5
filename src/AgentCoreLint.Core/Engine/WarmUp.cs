using System.Text;
using AgentCoreLint.Core.Loading;
using AgentCoreLint.Core.Schema;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Engine;
using AgentCoreLint.Rules.Secrets;
using AgentCoreLint.Rules.Semantic;

namespace AgentCoreLint.Core.Engine;

/// <summary>
/// First-use work moved off the critical path of a short run. A pre-commit hook lints one or a few small files, so a
/// run is mostly start-up: loading and preparing the code of NJsonSchema and Newtonsoft.Json, the service model's shape
/// table, the detection index, the secret patterns, the JSON and YAML readers and the semantic rules.
/// <see cref="Start"/> runs that code once on two background threads while the caller parses its command line and
/// reads its files (machines have at least two cores), so that the first real use finds it ready. Everything touched
/// is initialised thread-safely (static constructors, <see cref="Lazy{T}"/>).
/// </summary>
/// <remarks>
/// The warm-up does only what the run will need, because on two cores every extra millisecond of it competes with the
/// run itself: a reader is warmed only when a file of its format (or a directory) is named, and the schema layer on the
/// small <c>SetTokenVaultCMK</c> schema, not on the large schema of an operation the files may not contain. The
/// longest chain, NJsonSchema and Newtonsoft.Json, gets a thread of its own and a schema built in code, so it starts
/// at once instead of after the readers and the shape table.
/// </remarks>
public static class WarmUp
{
    private static int _started;

    /// <summary>Starts the warm-up once per process; later calls do nothing. Never throws, and never delays exit
    /// (the threads are background threads).</summary>
    /// <param name="paths">The paths the run will lint, as given (files or directories; none means the current
    /// directory). Only their extensions are looked at, and whether they are directories.</param>
    public static void Start(IReadOnlyList<string> paths)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            return;
        }

        var json = paths.Count == 0 || paths.Any(p => !HasExtension(p, ".yaml", ".yml"));
        var yaml = paths.Count == 0 || paths.Any(p => !HasExtension(p, ".json"));

        // The longest first-use cost, NJsonSchema's validator and Newtonsoft.Json, on a thread of its own from the start.
        // A lambda, not a method group: SchemaValidator's type initialiser (regular expression set-up, about 15 ms on
        // first use) must run on that thread, not here.
        Run("agentcorelint warm-up: schema engine", () => SchemaValidator.Shared.WarmUpEngine());

        // The rest in the order a run needs it: the readers of the formats named, the engine and its input adapters,
        // the shape table and detection, this project's schema layer (on a small operation, not one the files may not
        // contain), secrets and semantic rules.
        Run("agentcorelint warm-up: pipeline", () =>
        {
            var jsonDocument = Encoding.UTF8.GetBytes("{\"a\": [1, true, null]}");
            var yamlDocument = Encoding.UTF8.GetBytes("a: [1, true]\nb: text\n");

            // The readers first, as the run needs them first (YAML's also starts the regular-expression engine); then
            // the engine and its input adapters on the same stand-in documents.
            if (yaml)
            {
                _ = DocumentLoader.Load(yamlDocument, "warm-up.yaml");
            }

            var engine = Linter.CreateDefault();
            var options = new LintOptions();
            if (json)
            {
                _ = engine.LintContent(jsonDocument, "warm-up.json", isExplicit: false, options);
            }

            if (yaml)
            {
                _ = engine.LintContent(yamlDocument, "warm-up.yaml", isExplicit: false, options);
            }

            var runtime = Request("agentRuntimeName", "warm_up");
            _ = OperationDetector.Detect(runtime, "warm-up.json");
            _ = SchemaValidator.Shared.Validate(new LintTarget("SetTokenVaultCMK", Request("tokenVaultId", "warm up"), SourceSpan.FileStart));
            _ = SecretDetectors.InspectText("warm=up");
            SemanticRules.AnalyzeAll(new RuleContext(new LintTarget("CreateAgentRuntime", runtime, SourceSpan.FileStart)));
        });
    }

    // True when the path names a file with one of the extensions (a directory or another name may hold any format).
    private static bool HasExtension(string path, params string[] extensions) =>
        extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)) && !Directory.Exists(path);

    private static ObjectNode Request(string member, string value)
    {
        var span = SourceSpan.FileStart;
        return new ObjectNode(span, JsonPointer.Root, new[]
        {
            new PropertyNode(member, span, new ScalarNode(span, JsonPointer.Append(JsonPointer.Root, member), NodeKind.String, value)),
        });
    }

    // A thread of its own rather than the thread pool, whose start-up (workers, gate thread) would be one more cost.
    private static void Run(string name, Action warm)
    {
        var thread = new Thread(() =>
        {
            try
            {
                warm();
            }
            catch (Exception)
            {
                // Warming is an optimisation: whatever fails here fails again, and is reported, on the real path.
            }
        })
        {
            IsBackground = true,
            Name = name,
        };
        thread.Start();
    }
}

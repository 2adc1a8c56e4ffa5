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
/// run is mostly start-up: the service model's shape table, the detection index, the secret patterns, the JSON and YAML
/// readers and NJsonSchema's first validation. <see cref="Start"/> does that work on a thread-pool thread while the
/// caller parses its command line and reads its files (machines have at least two cores), and the first real use
/// then finds it done. Everything touched is initialised thread-safely (static constructors, <see cref="Lazy{T}"/>).
/// </summary>
public static class WarmUp
{
    private static int _started;

    /// <summary>Starts the warm-up once per process; later calls do nothing. Never throws, and never delays exit
    /// (thread-pool threads are background threads).</summary>
    public static void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            return;
        }

        // Two independent chains, so the longest (NJsonSchema and Newtonsoft.Json, then the most common operation's
        // schema) starts at once.
        _ = Task.Run(() => Guard(() => SchemaValidator.Shared.Validate(new LintTarget("CreateAgentRuntime", Request(), SourceSpan.FileStart))));
        _ = Task.Run(() => Guard(() =>
        {
            var request = Request();
            _ = OperationDetector.Detect(request, "warm-up.json");
            _ = DocumentLoader.Load(Encoding.UTF8.GetBytes("{\"a\": [1, true, null]}"), "warm-up.json");
            _ = DocumentLoader.Load(Encoding.UTF8.GetBytes("a: [1, true]\nb: text\n"), "warm-up.yaml");
            _ = SecretDetectors.InspectText("warm=up");
            SemanticRules.AnalyzeAll(new RuleContext(new LintTarget("CreateAgentRuntime", request, SourceSpan.FileStart)));
        }));
    }

    private static ObjectNode Request()
    {
        var span = SourceSpan.FileStart;
        return new ObjectNode(span, JsonPointer.Root, new[]
        {
            new PropertyNode("agentRuntimeName", span, new ScalarNode(span, "/agentRuntimeName", NodeKind.String, "warm_up")),
        });
    }

    private static void Guard(Action warm)
    {
        try
        {
            warm();
        }
        catch (Exception)
        {
            // Warming is an optimisation: whatever fails here fails again, and is reported, on the real path.
        }
    }
}

using System.Text;
using AgentCoreLint.Core.Engine;
using BenchmarkDotNet.Attributes;

namespace AgentCoreLint.Benchmarks;

/// <summary>One document through the engine (load, detect, schema, rules), warm.</summary>
[MemoryDiagnoser]
public class SingleDocumentBenchmarks
{
    private readonly Linter _linter = Linter.CreateDefault();
    private readonly LintOptions _options = new();
    private readonly byte[] _runtime = Encoding.UTF8.GetBytes(Corpus.Runtime.Replace("{0}", "1"));
    private readonly byte[] _harness = Encoding.UTF8.GetBytes(Corpus.Harness.Replace("{0}", "1"));

    [Benchmark]
    public int RuntimeJson() => _linter.LintContent(_runtime, "runtime.json", true, _options).Findings.Count;

    [Benchmark]
    public int HarnessYaml() => _linter.LintContent(_harness, "harness.yaml", true, _options).Findings.Count;
}

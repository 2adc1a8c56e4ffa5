using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AgentCoreLint.SchemaGen.Tests;

/// <summary>Every pattern in every generated schema is a .NET regex that matches whole values only.</summary>
public sealed class PatternTests
{
    [Fact]
    public void Every_generated_pattern_compiles_with_dotnet_Regex()
    {
        var failures = new List<string>();
        foreach (var (operation, pattern) in AllPatterns())
        {
            // Default options are what NJsonSchema uses; ECMAScript is the closest .NET gets to JSON Schema's own dialect.
            foreach (var options in new[] { RegexOptions.None, RegexOptions.ECMAScript | RegexOptions.CultureInvariant })
            {
                try
                {
                    _ = new Regex(pattern, options);
                }
                catch (ArgumentException e)
                {
                    failures.Add($"{operation}: {pattern} ({options}): {e.Message}");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Every_pattern_an_input_reaches_is_in_the_schemas_anchored_and_kept_verbatim_in_x_pattern()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var holder in AllPatternHolders().Select(h => h.Holder))
        {
            var original = (string)holder["x-pattern"]!;
            Assert.Equal($"^(?:{original})$(?!\\n)", (string)holder["pattern"]!);
            seen.Add(original);
        }

        Assert.Equal(PatternsReachableFromInputs().Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("[a-zA-Z][a-zA-Z0-9_]{0,47}", "refund_agent", true)]
    [InlineData("[a-zA-Z][a-zA-Z0-9_]{0,47}", "x-suffix", false)]
    [InlineData("[a-zA-Z][a-zA-Z0-9_]{0,47}", "-x", false)]
    [InlineData("[a-zA-Z][a-zA-Z0-9_]{0,47}", "refund_agent\n", false)]
    [InlineData("/mnt/[a-zA-Z0-9._-]+/?", "/mnt/data/", true)]
    [InlineData("/mnt/[a-zA-Z0-9._-]+/?", "/mnt/data/more", false)]
    [InlineData("[0-9]{12}", "1234567890123", false)]
    // A model pattern with its own alternation and anchors: the wrapper group keeps "|" inside.
    [InlineData("a$|^b", "a", true)]
    [InlineData("a$|^b", "bc", false)]
    public void Anchored_pattern_matches_whole_values_only(string modelPattern, string value, bool matches)
    {
        Assert.Equal(matches, Regex.IsMatch(value, JsonSchemaGenerator.AnchorPattern(modelPattern)));
    }

    /// <summary>Walks the model itself (not the schemas) from every input, map keys included.</summary>
    private static HashSet<string> PatternsReachableFromInputs()
    {
        var model = TestRepo.Model;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(model.Operations.Select(o => o.InputShape!));
        while (pending.TryPop(out var name))
        {
            if (!seen.Add(name))
            {
                continue;
            }

            var shape = model.GetShape(name);
            foreach (var next in shape.Members.Select(m => m.Shape).Append(shape.ListMember).Append(shape.MapKey).Append(shape.MapValue).OfType<string>())
            {
                pending.Push(next);
            }
        }

        return seen.Select(model.GetShape).Where(s => s.Pattern is not null).Select(s => s.Pattern!).ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<(string Operation, string Pattern)> AllPatterns() =>
        AllPatternHolders().Select(h => (h.Operation, (string)h.Holder["pattern"]!));

    private static IEnumerable<(string Operation, JsonObject Holder)> AllPatternHolders()
    {
        foreach (var (operation, schema) in TestRepo.Schemas)
        {
            foreach (var holder in Objects(JsonNode.Parse(schema.Json)!).Where(o => o.ContainsKey("pattern")))
            {
                yield return (operation, holder);
            }
        }
    }

    private static IEnumerable<JsonObject> Objects(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var child in obj.Select(p => p.Value).OfType<JsonNode>().SelectMany(Objects))
                {
                    yield return child;
                }

                break;
            case JsonArray array:
                foreach (var child in array.OfType<JsonNode>().SelectMany(Objects))
                {
                    yield return child;
                }

                break;
        }
    }
}

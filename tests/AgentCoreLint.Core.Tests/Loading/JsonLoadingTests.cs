using System.Text;
using AgentCoreLint.Core.Loading;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Core.Tests.Loading;

public sealed class JsonLoadingTests
{
    private static DocNode LoadClean(Marked input, string fileName = "request.json")
    {
        var loaded = input.Load(fileName);
        Assert.Empty(loaded.Findings);
        return Assert.Single(loaded.Documents);
    }

    [Fact]
    public void Every_key_and_value_has_the_span_where_it_is_written()
    {
        var input = Marked.Parse("""
            «{
              «"agentRuntimeName"»: «"support_agent"»,
              «"count"» : «42»,
              «"nested"»: «{ «"a"»: «[«1.5», «true», «false», «null», «-0», «1e3»]», «"empty"»: «{}» }»,
              «"list"»: «[]»,
              «"esc"»: «"a\"b\\c\u00e9"»
            }»
            """);

        var root = LoadClean(input);

        Assert.Equal(input.Spans, Tree.Spans(root));
    }

    [Fact]
    public void Columns_count_utf16_code_units_after_non_ascii_text()
    {
        // é is 2 UTF-8 bytes and 1 UTF-16 unit; 😀 is 4 bytes and 2 units; 中 is 3 bytes and 1 unit.
        var input = Marked.Parse("«{«\"é😀中\"»: «\"😀😀\"», «\"k\"»: «[«\"中\"», «1»]»}»");

        var root = LoadClean(input);

        Assert.Equal(input.Spans, Tree.Spans(root));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Lines_end_at_lf_crlf_and_cr(string newline)
    {
        var input = Marked.Parse("«{\n  «\"a\"»: «\"é\"»,\n\n  «\"b\"»: «[\n    «1»\n  ]»\n}»".Replace("\n", newline));

        var root = LoadClean(input);

        Assert.Equal(input.Spans, Tree.Spans(root));
    }

    [Fact]
    public void Positions_on_one_very_long_line_are_exact()
    {
        // A minified document: 100,000 items on one line, non-ASCII so columns cannot be byte offsets.
        var text = new StringBuilder("{\"items\": [");
        for (var i = 0; i < 100_000; i++)
        {
            text.Append("\"é😀\", ");
        }

        text.Append("«\"last\"»]}");
        var input = Marked.Parse(text.ToString());

        var root = LoadClean(input);

        var items = Assert.IsType<ArrayNode>(Tree.At(root, "/items"));
        Assert.Equal(100_001, items.Items.Count);
        Assert.Equal(input.Single, items.Items[^1].Span);
    }

    [Fact]
    public void Positions_of_many_objects_on_one_line_are_exact()
    {
        // Objects close after their members: a span must not re-walk the line from its start (quadratic).
        var text = new StringBuilder("«[");
        for (var i = 0; i < 50_000; i++)
        {
            text.Append("{\"é\": [1]}, ");
        }

        text.Append("«{«\"😀\"»: «[«2»]»}»]»");
        var input = Marked.Parse(text.ToString());

        var root = LoadClean(input);

        var items = Assert.IsType<ArrayNode>(root);
        Assert.Equal(input.Spans, new[] { root.Span }.Concat(Tree.Spans(items.Items[^1])));
    }

    [Fact]
    public void Pointers_escape_tilde_and_slash()
    {
        var input = Marked.Parse("""{"a/b": {"c~d": [0, {"": 1, "~1": 2}]}}""");

        var root = LoadClean(input);

        var nested = Assert.IsType<ObjectNode>(Tree.At(root, "/a~1b/c~0d/1"));
        Assert.Equal("/a~1b/c~0d/1", nested.Pointer);
        Assert.Equal("/a~1b/c~0d/1/", nested[""]!.Pointer);
        Assert.Equal("/a~1b/c~0d/1/~01", nested["~1"]!.Pointer);
        Assert.Equal(new[] { "a/b", "c~d", "1", "~1" }, JsonPointer.Parse(nested["~1"]!.Pointer));
        Assert.All(Tree.Nodes(root), node => Assert.Same(node, Tree.At(root, node.Pointer)));
    }

    [Theory]
    [InlineData("0", NodeKind.Integer)]
    [InlineData("-12", NodeKind.Integer)]
    [InlineData("123456789012345678901234567890", NodeKind.Integer)]
    [InlineData("1.50", NodeKind.Float)]
    [InlineData("1e3", NodeKind.Float)]
    [InlineData("-2.5E-7", NodeKind.Float)]
    public void Numbers_keep_their_lexical_text_and_are_integer_without_fraction_or_exponent(string number, NodeKind kind)
    {
        var root = LoadClean(Marked.Parse($$"""{"n": {{number}}}"""));

        var scalar = Tree.Scalar(root, "/n");
        Assert.Equal(kind, scalar.Kind);
        Assert.Equal(number, scalar.Text);
    }

    [Fact]
    public void Strings_are_unescaped_and_literals_typed()
    {
        var root = LoadClean(Marked.Parse("""{"s": "a\n\u0041\"", "t": true, "f": false, "z": null}"""));

        Assert.Equal("a\nA\"", Tree.Scalar(root, "/s").Text);
        Assert.True(Tree.Scalar(root, "/t").AsBoolean);
        Assert.False(Tree.Scalar(root, "/f").AsBoolean);
        Assert.Equal(NodeKind.Null, Tree.At(root, "/z").Kind);
    }

    [Fact]
    public void Duplicate_key_is_a_finding_at_the_second_key_and_the_last_value_wins()
    {
        var input = Marked.Parse("""
            {
              "roleArn": "first",
              "x": 1,
              «"roleArn"»: "second"
            }
            """);

        var loaded = input.Load("request.json");

        var finding = Assert.Single(loaded.Findings);
        Assert.Equal("ACL0001", finding.RuleId);
        Assert.Equal(FindingLevel.Error, finding.Level);
        Assert.Equal(input.Single, finding.Span);
        Assert.Equal("/roleArn", finding.Pointer);
        Assert.Contains("'roleArn'", finding.Message);
        Assert.DoesNotContain("second", finding.Message);
        var root = Assert.IsType<ObjectNode>(Assert.Single(loaded.Documents));
        // First position, last value: how Python's json module (the AWS CLI) reads it.
        Assert.Equal(new[] { "roleArn", "x" }, root.Properties.Select(p => p.Name));
        Assert.Equal("second", Tree.Scalar(root, "/roleArn").Text);
        Assert.Equal(input.Single, root.Properties[0].KeySpan);
    }

    [Fact]
    public void Duplicate_keys_are_found_in_large_objects_too()
    {
        var members = string.Join(", ", Enumerable.Range(0, 20).Select(i => $"\"k{i}\": {i}"));
        var input = Marked.Parse($$"""{{{members}}, «"k3"»: 99, "k20": 20}""");

        var loaded = input.Load("request.json");

        Assert.Equal(input.Single, Assert.Single(loaded.Findings).Span);
        var root = Assert.IsType<ObjectNode>(Assert.Single(loaded.Documents));
        Assert.Equal(21, root.Properties.Count);
        Assert.Equal("99", Tree.Scalar(root, "/k3").Text);
        Assert.Equal("20", Tree.Scalar(root, "/k20").Text);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_findings_at_their_position_and_the_tree_is_still_built()
    {
        var input = Marked.Parse("""
            {
              «// a line comment, with a comma»
              "a": [1, 2«,» «/* block, comment */»],
              "b": {"c": true«,»
              }«,»
            }
            """);

        var loaded = input.Load("request.json");

        // A trailing comma is known only at the closing bracket, after a comment before it: compare in file order.
        Assert.Equal(InFileOrder(input.Spans), InFileOrder(loaded.Findings.Select(f => f.Span)));
        Assert.Equal(2, loaded.Findings.Count(f => f.Message.Contains("comment", StringComparison.Ordinal)));
        Assert.Equal(3, loaded.Findings.Count(f => f.Message.Contains("trailing comma", StringComparison.Ordinal)));
        Assert.All(loaded.Findings, f => Assert.Equal("ACL0001", f.RuleId));
        var root = Assert.Single(loaded.Documents);
        Assert.Equal(2, Assert.IsType<ArrayNode>(Tree.At(root, "/a")).Items.Count);
        Assert.True(Tree.Scalar(root, "/b/c").AsBoolean);
    }

    private static List<SourceSpan> InFileOrder(IEnumerable<SourceSpan> spans) =>
        spans.OrderBy(s => s.Start.Line).ThenBy(s => s.Start.Column).ToList();

    [Fact]
    public void A_comma_inside_a_comment_is_not_a_trailing_comma()
    {
        var input = Marked.Parse("[1, «/* x, y */» 2]");

        var loaded = input.Load("request.json");

        Assert.Equal(input.Single, Assert.Single(loaded.Findings).Span);
        Assert.Equal(2, Assert.IsType<ArrayNode>(Assert.Single(loaded.Documents)).Items.Count);
    }

    [Theory]
    [InlineData("{\"a\": 1 «\"b\"»: 2}", "after a value")]
    [InlineData("{\"a\" «1»}", "Expected a ':'")]
    [InlineData("{\"a\": [1, 2«}»", "'}'")]
    [InlineData("{\"a\": [1, 2]«»", "should be closed")]
    [InlineData("{\"a\": \"unterminated«»", "end of data")]
    [InlineData("{\"a\": 1}\n«x»", "after a single JSON value")]
    [InlineData("{«'»a': 1}", "property name")]
    [InlineData("[1, «,»2]", "invalid start of a value")]
    public void Syntax_errors_are_one_finding_at_the_error(string text, string expected)
    {
        var input = Marked.Parse(text);

        var loaded = input.Load("request.json");

        var finding = Assert.Single(loaded.Findings);
        Assert.Empty(loaded.Documents);
        Assert.Equal("ACL0001", finding.RuleId);
        Assert.StartsWith("JSON syntax error: ", finding.Message);
        Assert.Contains(expected, finding.Message);
        Assert.DoesNotContain("LineNumber", finding.Message);
        Assert.Equal(input.Single.Start, finding.Span.Start);
    }

    [Fact]
    public void Syntax_error_position_is_in_utf16_columns_on_later_lines()
    {
        var input = Marked.Parse("{\r\n  \"é😀\": \"ok\",\r\n  \"b\": «x»\r\n}");

        var loaded = input.Load("request.json");

        var finding = Assert.Single(loaded.Findings);
        Assert.Equal(input.Single.Start, finding.Span.Start);
        Assert.Equal("/b", finding.Pointer);
    }

    [Theory]
    [InlineData("{\"password\": hunter2secret}")]
    [InlineData("{\"password\": trusecretvalue}")]
    [InlineData("{\"password\": nullsecret}")]
    [InlineData("{\"password\": \"hunter2secret\\x\"}")]
    public void Syntax_error_messages_never_quote_values(string text)
    {
        var loaded = DocumentLoader.Load(Encoding.UTF8.GetBytes(text), "request.json");

        var finding = Assert.Single(loaded.Findings);
        Assert.DoesNotContain("secret", finding.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("hunter", finding.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("trus", finding.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Unpaired_surrogate_escape_is_a_finding_at_the_string()
    {
        var input = Marked.Parse("""{"a": «"\uD800"»}""");

        var loaded = input.Load("request.json");

        var finding = Assert.Single(loaded.Findings);
        Assert.Equal(input.Single, finding.Span);
        Assert.Equal("/a", finding.Pointer);
        Assert.Empty(loaded.Documents);
    }

    [Fact]
    public void Findings_are_capped_with_a_summary()
    {
        var text = "[" + string.Concat(Enumerable.Repeat("/* c */ 1,", 150)) + " 1]";

        var loaded = DocumentLoader.Load(Encoding.UTF8.GetBytes(text), "request.json", new LoadOptions { MaxFindings = 100 });

        Assert.Equal(101, loaded.Findings.Count);
        Assert.Contains("50 more", loaded.Findings[^1].Message);
        Assert.Single(loaded.Documents);
    }
}

using System.Text;
using AgentCoreLint.Core.Loading;
using AgentCoreLint.Rules.Documents;

namespace AgentCoreLint.Core.Tests.Loading;

public sealed class YamlLoadingTests
{
    private static DocNode LoadClean(Marked input, string fileName = "template.yaml")
    {
        var loaded = input.Load(fileName);
        Assert.Empty(loaded.Findings);
        return Assert.Single(loaded.Documents);
    }

    private static DocNode LoadClean(string text) => LoadClean(Marked.Parse(text));

    [Fact]
    public void Every_key_and_value_has_the_span_where_it_is_written()
    {
        // Block mappings and sequences span from their first key or '-' to the end of their last value.
        var input = Marked.Parse("""
            # a comment
            ««agentRuntimeName»: «support_agent»   # trailing comment
            «quoted»: «"a \" b"»
            «single»: «'it''s'»
            «list»:
              «- «one»
              - «"two"»
              - ««k»: «v»
                «k2»: «3»»»
            «flow»: «{«x»: «1», «y»: «[«2», «'z'»]»}»
            «empty»:«»
            «nested»:
              ««deep»:
                ««deeper»: «true»»»»
            """);

        var root = LoadClean(input);

        Assert.Equal(input.Spans, Tree.Spans(root));
    }

    [Fact]
    public void Flow_collections_span_their_brackets_and_a_flow_pair_its_key_and_value()
    {
        var input = Marked.Parse("«[««a»: «1»», «b», «{«c»: «[]»}», «!T {}», «{«d»: «»}», ««e»: «»»]»");

        var root = LoadClean(input);

        Assert.Equal(input.Spans, Tree.Spans(root));
    }

    [Fact]
    public void Block_scalars_span_from_the_indicator_to_their_last_character()
    {
        var input = Marked.Parse("""
            ««literal»: «|
              line one
                indented
              line two»

            # between
            «folded»: «>-
              folded
              text»
            «plain»: «a plain
              multi-line scalar»»
            """);

        var root = LoadClean(input);

        Assert.Equal(input.Spans, Tree.Spans(root));
        Assert.Equal("line one\n  indented\nline two\n", Tree.Scalar(root, "/literal").Text);
        Assert.Equal("folded text", Tree.Scalar(root, "/folded").Text);
        Assert.Equal("a plain multi-line scalar", Tree.Scalar(root, "/plain").Text);
        Assert.All(new[] { "/literal", "/folded", "/plain" }, p => Assert.Equal(NodeKind.String, Tree.At(root, p).Kind));
    }

    [Theory]
    [InlineData("|", "a\nb\n")]
    [InlineData("|-", "a\nb")]
    [InlineData("|+", "a\nb\n\n")]
    [InlineData(">", "a b\n")]
    [InlineData(">-", "a b")]
    [InlineData(">+", "a b\n\n")]
    public void Block_scalar_chomping(string indicator, string expected)
    {
        var root = LoadClean($"v: {indicator}\n  a\n  b\n\nw: 1\n");

        Assert.Equal(expected, Tree.Scalar(root, "/v").Text);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Columns_count_utf16_code_units_and_lines_end_at_crlf(string newline)
    {
        var input = Marked.Parse("««é😀»: «中文 😀»\n«k»: «[«😀», «\"é\"»]»»\n".Replace("\n", newline));

        var root = LoadClean(input);

        Assert.Equal(input.Spans, Tree.Spans(root));
    }

    [Fact]
    public void Pointers_escape_tilde_and_slash()
    {
        var root = LoadClean("""
            "a/b":
              "c~d":
                - 0
                - "": 1
            """);

        Assert.Equal("/a~1b/c~0d/1/", Tree.At(root, "/a~1b/c~0d/1/").Pointer);
        Assert.All(Tree.Nodes(root), node => Assert.Same(node, Tree.At(root, node.Pointer)));
    }

    [Theory]
    [InlineData("", NodeKind.Null, "null")]
    [InlineData("~", NodeKind.Null, "null")]
    [InlineData("null", NodeKind.Null, "null")]
    [InlineData("NULL", NodeKind.Null, "null")]
    [InlineData("true", NodeKind.Boolean, "true")]
    [InlineData("True", NodeKind.Boolean, "true")]
    [InlineData("FALSE", NodeKind.Boolean, "false")]
    [InlineData("yes", NodeKind.String, "yes")]
    [InlineData("on", NodeKind.String, "on")]
    [InlineData("0", NodeKind.Integer, "0")]
    [InlineData("-17", NodeKind.Integer, "-17")]
    [InlineData("+17", NodeKind.Integer, "+17")]
    [InlineData("0x1F", NodeKind.Integer, "31")]
    [InlineData("0o17", NodeKind.Integer, "15")]
    [InlineData("0xFFFFFFFFFFFFFFFFFF", NodeKind.Integer, "0xFFFFFFFFFFFFFFFFFF")]
    [InlineData("0x", NodeKind.String, "0x")]
    [InlineData("0o8", NodeKind.String, "0o8")]
    [InlineData("1.5", NodeKind.Float, "1.5")]
    [InlineData("-.5", NodeKind.Float, "-.5")]
    [InlineData("1.", NodeKind.Float, "1.")]
    [InlineData("1e3", NodeKind.Float, "1e3")]
    [InlineData("6.02E+23", NodeKind.Float, "6.02E+23")]
    [InlineData(".inf", NodeKind.Float, "Infinity")]
    [InlineData("-.Inf", NodeKind.Float, "-Infinity")]
    [InlineData(".NaN", NodeKind.Float, "NaN")]
    [InlineData("1e", NodeKind.String, "1e")]
    [InlineData("1.2.3", NodeKind.String, "1.2.3")]
    [InlineData("-", NodeKind.String, "-x")]
    [InlineData("2024-01-01", NodeKind.String, "2024-01-01")]
    [InlineData("123456789012", NodeKind.Integer, "123456789012")]
    [InlineData("arn:aws:iam::123456789012:role/R", NodeKind.String, "arn:aws:iam::123456789012:role/R")]
    public void Plain_scalars_resolve_by_the_yaml_1_2_core_schema(string plain, NodeKind kind, string text)
    {
        // "-" alone would start a sequence entry; "-x" is tested instead.
        var written = plain == "-" ? "-x" : plain;

        var scalar = Tree.Scalar(LoadClean($"v: {written}\n"), "/v");

        Assert.Equal(kind, scalar.Kind);
        Assert.Equal(text, scalar.Text);
    }

    [Fact]
    public void Numbers_read_back_through_the_document_model()
    {
        var root = LoadClean("a: 0x10\nb: 1.\nc: -.inf\nd: .5\ne: +7\n");

        Assert.True(Tree.Scalar(root, "/a").TryGetInt64(out var a));
        Assert.Equal(16, a);
        Assert.True(Tree.Scalar(root, "/b").TryGetDouble(out var b));
        Assert.Equal(1.0, b);
        Assert.True(Tree.Scalar(root, "/c").TryGetDouble(out var c));
        Assert.Equal(double.NegativeInfinity, c);
        Assert.True(Tree.Scalar(root, "/d").TryGetDouble(out var d));
        Assert.Equal(0.5, d);
        Assert.True(Tree.Scalar(root, "/e").TryGetInt64(out var e));
        Assert.Equal(7, e);
    }

    [Fact]
    public void Quoted_and_block_scalars_are_always_strings()
    {
        var root = LoadClean("a: \"true\"\nb: '42'\nc: |\n  null\nd: \"\"\n");

        Assert.All(new[] { "/a", "/b", "/c", "/d" }, p => Assert.Equal(NodeKind.String, Tree.At(root, p).Kind));
        Assert.Equal("42", Tree.Scalar(root, "/b").Text);
    }

    [Fact]
    public void Explicit_tags_are_kept_on_the_plain_node()
    {
        var input = Marked.Parse("""
            Name: «!Ref RuntimeName»
            Arn: !GetAtt Role.Arn
            Joined: !Sub
              - "${A}-x"
              - A: !Ref B
            Flow: !Join [":", [a, b]]
            Cond: !If {a: 1}
            Plain: 5
            """);

        var root = LoadClean(input);

        var name = Tree.Scalar(root, "/Name");
        Assert.Equal(("!Ref", NodeKind.String, "RuntimeName"), (name.Tag, name.Kind, name.Text));
        Assert.Equal(input.Single, name.Span);
        Assert.Equal(("!GetAtt", "Role.Arn"), (Tree.At(root, "/Arn").Tag, Tree.Scalar(root, "/Arn").Text));
        var joined = Assert.IsType<ArrayNode>(Tree.At(root, "/Joined"));
        Assert.Equal("!Sub", joined.Tag);
        Assert.Equal("!Ref", Tree.At(root, "/Joined/1/A").Tag);
        Assert.Equal("!Join", Tree.At(root, "/Flow").Tag);
        Assert.Null(Tree.At(root, "/Flow/1").Tag);
        Assert.Equal("!If", Assert.IsType<ObjectNode>(Tree.At(root, "/Cond")).Tag);
        Assert.Null(Tree.At(root, "/Plain").Tag);
    }

    [Fact]
    public void A_tagged_scalar_holds_its_content_as_written()
    {
        var scalar = Tree.Scalar(LoadClean("v: !Ref 0123\n"), "/v");

        Assert.Equal((NodeKind.String, "0123", "!Ref"), (scalar.Kind, scalar.Text, scalar.Tag));
    }

    [Fact]
    public void Standard_tags_select_the_type()
    {
        var root = LoadClean("a: !!str 123\nb: !!int \"7\"\nc: !!float 1\nd: !!bool \"true\"\ne: !!null ''\nf: ! 12\ng: !!binary aGVsbG8=\nh: !!map {x: 1}\n");

        Assert.Equal((NodeKind.String, "123"), (Tree.Scalar(root, "/a").Kind, Tree.Scalar(root, "/a").Text));
        Assert.Equal((NodeKind.Integer, "7"), (Tree.Scalar(root, "/b").Kind, Tree.Scalar(root, "/b").Text));
        Assert.Equal(NodeKind.Float, Tree.At(root, "/c").Kind);
        Assert.Equal(NodeKind.Boolean, Tree.At(root, "/d").Kind);
        Assert.Equal(NodeKind.Null, Tree.At(root, "/e").Kind);
        Assert.Equal(NodeKind.String, Tree.At(root, "/f").Kind);
        Assert.Equal((NodeKind.String, "!!binary"), (Tree.At(root, "/g").Kind, Tree.At(root, "/g").Tag));
        Assert.All(new[] { "/a", "/b", "/c", "/d", "/e", "/f", "/h" }, p => Assert.Null(Tree.At(root, p).Tag));
    }

    [Fact]
    public void A_standard_tag_that_does_not_fit_the_value_is_a_finding()
    {
        var input = Marked.Parse("a: «!!int twelve»\n");

        var loaded = input.Load("t.yaml");

        var finding = Assert.Single(loaded.Findings);
        Assert.Equal(input.Single, finding.Span);
        Assert.Equal("/a", finding.Pointer);
        Assert.DoesNotContain("twelve", finding.Message);
        Assert.Equal(NodeKind.String, Tree.At(Assert.Single(loaded.Documents), "/a").Kind);
    }

    [Fact]
    public void An_alias_is_a_copy_at_the_place_it_is_used()
    {
        var input = Marked.Parse("""
            base: &base
              image: «registry/agent:1»
              ports: [1, 2]
            copy: «*base»
            scalar: &s hello
            again: *s
            """);

        var root = LoadClean(input);

        var copy = Assert.IsType<ObjectNode>(Tree.At(root, "/copy"));
        Assert.Equal("/copy", copy.Pointer);
        Assert.Equal(input.Spans[1], copy.Span);
        var image = Tree.Scalar(root, "/copy/image");
        Assert.Equal(("/copy/image", "registry/agent:1"), (image.Pointer, image.Text));
        Assert.Equal(input.Spans[0], image.Span);
        Assert.Equal("/copy/ports/1", Tree.At(root, "/copy/ports/1").Pointer);
        Assert.Equal(("/again", "hello"), (Tree.At(root, "/again").Pointer, Tree.Scalar(root, "/again").Text));
        Assert.All(Tree.Nodes(root), node => Assert.Same(node, Tree.At(root, node.Pointer)));
    }

    [Fact]
    public void Merge_keys_copy_the_members_the_mapping_does_not_set()
    {
        var root = LoadClean("""
            defaults: &defaults
              image: base
              memory: 512
            extra: &extra
              memory: 1024
              tags: {team: a}
            service:
              name: svc
              <<: [*defaults, *extra]
              image: override
            """);

        var service = Assert.IsType<ObjectNode>(Tree.At(root, "/service"));
        Assert.Equal(new[] { "name", "memory", "tags", "image" }, service.Properties.Select(p => p.Name));
        Assert.Equal("override", Tree.Scalar(root, "/service/image").Text);
        Assert.Equal("512", Tree.Scalar(root, "/service/memory").Text);
        Assert.Equal("/service/tags/team", Tree.At(root, "/service/tags/team").Pointer);
        Assert.Null(service.Find("<<"));
    }

    [Fact]
    public void A_merge_of_a_scalar_is_a_finding()
    {
        var input = Marked.Parse("m:\n  <<: «5»\n  a: 1\n");

        var loaded = input.Load("t.yaml");

        Assert.Equal(input.Single, Assert.Single(loaded.Findings).Span);
        Assert.Equal("1", Tree.Scalar(Assert.Single(loaded.Documents), "/m/a").Text);
    }

    [Fact]
    public void An_alias_to_an_undefined_anchor_is_a_finding()
    {
        var input = Marked.Parse("a: 1\nb: «*missing»\n");

        var loaded = input.Load("t.yaml");

        var finding = Assert.Single(loaded.Findings);
        Assert.Equal(input.Single, finding.Span);
        Assert.Contains("missing", finding.Message);
    }

    [Fact]
    public void Duplicate_key_is_a_finding_at_the_second_key_and_the_last_value_wins()
    {
        var input = Marked.Parse("""
            roleArn: first-secret-value
            other: 1
            «roleArn»: second
            """);

        var loaded = input.Load("t.yaml");

        var finding = Assert.Single(loaded.Findings);
        Assert.Equal(input.Single, finding.Span);
        Assert.Equal("/roleArn", finding.Pointer);
        Assert.Contains("'roleArn'", finding.Message);
        Assert.DoesNotContain("secret", finding.Message);
        var root = Assert.IsType<ObjectNode>(Assert.Single(loaded.Documents));
        Assert.Equal(new[] { "roleArn", "other" }, root.Properties.Select(p => p.Name));
        Assert.Equal("second", Tree.Scalar(root, "/roleArn").Text);
    }

    [Fact]
    public void Complex_keys_are_a_finding_and_their_entry_is_skipped()
    {
        var input = Marked.Parse("a: 1\n? «[x, y]»\n: {skipped: true}\nb: 2\n");

        var loaded = input.Load("t.yaml");

        Assert.Equal(input.Single.Start, Assert.Single(loaded.Findings).Span.Start);
        var root = Assert.IsType<ObjectNode>(Assert.Single(loaded.Documents));
        Assert.Equal(new[] { "a", "b" }, root.Properties.Select(p => p.Name));
    }

    [Fact]
    public void Multiple_documents_each_have_a_tree()
    {
        var input = Marked.Parse("""
            %YAML 1.2
            ---
            «a: 1»
            ---
            «- «x»»
            ...
            --- «!Tagged
            k: v»
            ---
            """);

        var loaded = input.Load("multi.yaml");

        Assert.Empty(loaded.Findings);
        Assert.Equal(4, loaded.Documents.Count);
        Assert.Equal(input.Spans[0], loaded.Documents[0].Span);
        Assert.Equal(input.Spans[1], loaded.Documents[1].Span);
        Assert.Equal(input.Spans[2], Tree.At(loaded.Documents[1], "/0").Span);
        Assert.Equal(input.Spans[3], loaded.Documents[2].Span);
        Assert.Equal("!Tagged", loaded.Documents[2].Tag);
        Assert.Equal(NodeKind.Null, loaded.Documents[3].Kind);
        Assert.All(loaded.Documents, d => Assert.Equal(JsonPointer.Root, d.Pointer));
    }

    [Fact]
    public void Anchors_do_not_cross_documents()
    {
        var loaded = Marked.Parse("a: &x 1\n---\nb: *x\n").Load("t.yaml");

        Assert.Single(loaded.Documents);
        Assert.Contains("*x", Assert.Single(loaded.Findings).Message);
    }

    [Fact]
    public void A_syntax_error_keeps_the_earlier_documents_and_is_a_finding_at_its_position()
    {
        var input = Marked.Parse("a: 1\n---\nb: c\n d«»: e\n");

        var loaded = input.Load("t.yaml");

        Assert.Single(loaded.Documents);
        var finding = Assert.Single(loaded.Findings);
        Assert.StartsWith("YAML syntax error: ", finding.Message);
        Assert.Equal(input.Single.Start, finding.Span.Start);
    }

    [Theory]
    [InlineData("a: [1, 2\nb: 3\n")]
    [InlineData("a: {b: 1\n")]
    [InlineData("a: \"unterminated hunter2secret\n")]
    [InlineData("a:\n\t- b\n")]
    [InlineData("a: !e!x 2\n")]
    [InlineData("- a\nb: c\n")]
    [InlineData("a: 'x' hunter2secret\n")]
    public void Malformed_yaml_is_one_finding_that_quotes_no_value(string text)
    {
        var loaded = DocumentLoader.Load(Encoding.UTF8.GetBytes(text), "t.yaml");

        var finding = Assert.Single(loaded.Findings);
        Assert.Equal("ACL0001", finding.RuleId);
        Assert.Empty(loaded.Documents);
        Assert.DoesNotContain("secret", finding.Message);
        Assert.True(finding.Span.Start.Line >= 1 && finding.Span.Start.Column >= 1);
    }

    [Fact]
    public void A_file_of_comments_only_has_no_document_and_says_so()
    {
        var loaded = DocumentLoader.Load(Encoding.UTF8.GetBytes("# just a comment\n# another\n"), "t.yaml");

        Assert.Empty(loaded.Documents);
        Assert.Contains("no YAML document", Assert.Single(loaded.Findings).Message);
    }
}

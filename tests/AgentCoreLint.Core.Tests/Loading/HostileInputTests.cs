using System.Text;
using AgentCoreLint.Core.Loading;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Core.Tests.Loading;

/// <summary>ARCHITECTURE principle 8: hostile input ends as one ACL0001 finding for the file, never an exception.</summary>
public sealed class HostileInputTests
{
    private static Finding SingleParseFinding(LoadedDocument loaded)
    {
        Assert.Empty(loaded.Documents);
        var finding = Assert.Single(loaded.Findings);
        Assert.Equal("ACL0001", finding.RuleId);
        Assert.Equal(FindingLevel.Error, finding.Level);
        return finding;
    }

    [Theory]
    [InlineData("request.json", "")]
    [InlineData("request.json", "  \r\n\t\n")]
    [InlineData("template.yaml", "")]
    [InlineData("template.yaml", "\n\n   \n")]
    [InlineData("unknown.txt", " ")]
    public void Empty_or_whitespace_only_file(string fileName, string text)
    {
        var finding = SingleParseFinding(DocumentLoader.Load(Encoding.UTF8.GetBytes(text), fileName));

        Assert.Contains("empty", finding.Message);
        Assert.Equal(SourceSpan.FileStart, finding.Span);
        Assert.Equal(JsonPointer.Root, finding.Pointer);
    }

    [Fact]
    public void A_utf8_bom_alone_is_an_empty_file()
    {
        var finding = SingleParseFinding(DocumentLoader.Load(new byte[] { 0xEF, 0xBB, 0xBF }, "request.json"));

        Assert.Contains("empty", finding.Message);
    }

    [Theory]
    [InlineData("request.json")]
    [InlineData("template.yaml")]
    public void A_file_over_the_size_limit_is_not_parsed(string fileName)
    {
        var content = new byte[50 * 1024 * 1024];
        content.AsSpan().Fill((byte)'[');

        var finding = SingleParseFinding(DocumentLoader.Load(content, fileName));

        Assert.Contains("52,428,800 bytes", finding.Message);
        Assert.Contains("8,388,608-byte", finding.Message);
    }

    [Theory]
    [InlineData("request.json", '[', "")]
    [InlineData("request.json", '{', "\"a\":")]
    [InlineData("template.yaml", '[', "")]
    [InlineData("template.yaml", '{', "a: ")]
    public void Nesting_100_000_levels_deep_is_a_finding_not_a_stack_overflow(string fileName, char open, string key)
    {
        var text = string.Concat(Enumerable.Repeat(open + key, 100_000));

        var finding = SingleParseFinding(DocumentLoader.Load(Encoding.UTF8.GetBytes(text), fileName));

        Assert.Contains("256 levels", finding.Message);
        Assert.Equal(1, finding.Span.Start.Line);
        Assert.Equal((256 * (1 + key.Length)) + 1, finding.Span.Start.Column);
    }

    [Fact]
    public void Deep_block_nesting_in_yaml_is_a_finding()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 300; i++)
        {
            text.Append(' ', i).Append("a:\n");
        }

        var finding = SingleParseFinding(DocumentLoader.Load(Encoding.UTF8.GetBytes(text.ToString()), "t.yaml"));

        Assert.Contains("levels", finding.Message);
        Assert.Equal(257, finding.Span.Start.Line);
    }

    [Fact]
    public void Nesting_up_to_the_limit_loads()
    {
        var text = new string('[', 256) + new string(']', 256);

        var loaded = DocumentLoader.Load(Encoding.UTF8.GetBytes(text), "request.json");

        Assert.Empty(loaded.Findings);
        Assert.Single(loaded.Documents);
    }

    [Fact]
    public void A_billion_laughs_alias_bomb_is_one_finding()
    {
        var text = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 'b'; level <= 'i'; level++)
        {
            var previous = (char)(level - 1);
            text.Append(level).Append(": &").Append(level).Append(" [")
                .Append(string.Join(", ", Enumerable.Repeat("*" + previous, 10))).Append("]\n");
        }

        var finding = SingleParseFinding(DocumentLoader.Load(Encoding.UTF8.GetBytes(text.ToString()), "bomb.yaml"));

        Assert.Contains("alias", finding.Message);
        Assert.Contains("100,000", finding.Message);
    }

    [Fact]
    public void An_alias_bomb_through_merge_keys_is_one_finding()
    {
        var text = new StringBuilder("a0: &a0 {k0: 1, k1: 1, k2: 1, k3: 1, k4: 1, k5: 1, k6: 1, k7: 1, k8: 1, k9: 1}\n");
        for (var level = 1; level <= 8; level++)
        {
            text.Append($"a{level}: &a{level}\n");
            for (var k = 0; k < 10; k++)
            {
                text.Append($"  m{k}: {{<<: *a{level - 1}}}\n");
            }
        }

        var finding = SingleParseFinding(DocumentLoader.Load(Encoding.UTF8.GetBytes(text.ToString()), "bomb.yaml"));

        Assert.Contains("alias", finding.Message);
    }

    [Fact]
    public void Too_many_alias_references_is_one_finding()
    {
        var text = "a: &a 1\nb: [" + string.Join(", ", Enumerable.Repeat("*a", 20)) + "]\n";

        var finding = SingleParseFinding(DocumentLoader.Load(Encoding.UTF8.GetBytes(text), "t.yaml", new LoadOptions { MaxAliasReferences = 10 }));

        Assert.Contains("more than 10 YAML aliases", finding.Message);
    }

    [Theory]
    [InlineData("request.json", "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]")]
    [InlineData("template.yaml", "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]")]
    public void Too_many_values_is_one_finding(string fileName, string text)
    {
        var finding = SingleParseFinding(DocumentLoader.Load(Encoding.UTF8.GetBytes(text), fileName, new LoadOptions { MaxNodes = 10 }));

        Assert.Contains("more than 10 values", finding.Message);
    }

    [Theory]
    [InlineData("request.json", "{{\"k{0}\": 1}}", ", ")]
    [InlineData("template.yaml", "k{0}: 1", "\n")]
    public void Many_repeated_keys_are_capped_findings_and_the_last_values(string fileName, string memberFormat, string separator)
    {
        // 50,000 keys and then each again: linear work, at most MaxFindings findings plus a summary.
        var members = Enumerable.Range(0, 100_000)
            .Select(i => string.Format(System.Globalization.CultureInfo.InvariantCulture, memberFormat, i % 50_000).Trim('{', '}'));
        var text = fileName.EndsWith(".json", StringComparison.Ordinal)
            ? "{" + string.Join(separator, members) + "}"
            : string.Join(separator, members) + "\n";

        var loaded = DocumentLoader.Load(Encoding.UTF8.GetBytes(text), fileName);

        Assert.Equal(101, loaded.Findings.Count);
        Assert.Contains("49,900 more", loaded.Findings[^1].Message);
        Assert.Equal(50_000, Assert.IsType<ObjectNode>(Assert.Single(loaded.Documents)).Properties.Count);
    }

    [Theory]
    [InlineData("request.json")]
    [InlineData("template.yaml")]
    [InlineData("unknown.template")]
    public void Binary_garbage_is_one_finding(string fileName)
    {
        var random = new Random(20240601);
        var content = new byte[4096];
        random.NextBytes(content);
        content[100] = 0;

        var finding = SingleParseFinding(DocumentLoader.Load(content, fileName));

        Assert.Matches("binary data|not valid UTF-8", finding.Message);
        Assert.Contains("byte offset", finding.Message);
    }

    [Fact]
    public void A_nul_byte_is_reported_at_its_line_and_column()
    {
        var input = Marked.Parse("{\n  \"é\": \"«\0»\"\n}");

        var finding = SingleParseFinding(input.Load("request.json"));

        Assert.Contains("binary data", finding.Message);
        Assert.Contains("byte offset 11", finding.Message);
        Assert.Equal(input.Single, finding.Span);
    }

    [Theory]
    [InlineData("request.json")]
    [InlineData("template.yaml")]
    public void A_control_character_is_binary_data(string fileName)
    {
        var input = Marked.Parse("a: 1\nb: «\u0001»\n");

        var finding = SingleParseFinding(input.Load(fileName));

        Assert.Contains("control character U+0001", finding.Message);
        Assert.Equal(input.Single, finding.Span);
    }

    [Fact]
    public void Invalid_utf8_is_reported_with_byte_offset_and_position()
    {
        var input = Marked.Parse("a: ok\nb: «~»x\n");
        var bytes = Encoding.UTF8.GetBytes(input.Text);
        bytes[Array.IndexOf(bytes, (byte)'~')] = 0xC3; // a lead byte followed by 'x', not a continuation byte

        var finding = SingleParseFinding(DocumentLoader.Load(bytes, "t.yaml"));

        Assert.Contains("not valid UTF-8", finding.Message);
        Assert.Contains("byte offset 9", finding.Message);
        Assert.Equal(input.Single, finding.Span);
    }

    [Theory]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // an encoded surrogate
    [InlineData(new byte[] { 0xC0, 0xAF })] // an overlong '/'
    [InlineData(new byte[] { 0xE2, 0x82 })] // truncated at the end of the file
    public void Invalid_utf8_forms_are_found(byte[] bad)
    {
        var content = Encoding.UTF8.GetBytes("{\"a\": \"").Concat(bad).ToArray();

        var finding = SingleParseFinding(DocumentLoader.Load(content, "request.json"));

        Assert.Contains("not valid UTF-8 (an invalid byte sequence at byte offset 7", finding.Message);
    }

    [Fact]
    public void Utf16_without_a_bom_is_recognised_as_such()
    {
        var content = Encoding.Unicode.GetBytes("{\"a\": 1}");

        var finding = SingleParseFinding(DocumentLoader.Load(content, "request.json"));

        Assert.Contains("UTF-16", finding.Message);
    }

    [Theory]
    [InlineData("request.json")]
    [InlineData("template.yaml")]
    public void A_utf8_bom_is_skipped_and_positions_do_not_count_it(string fileName)
    {
        var input = Marked.Parse(fileName.EndsWith(".json", StringComparison.Ordinal) ? "«{«\"a\"»: «1»}»" : "««a»: «1»»");
        var content = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(input.Text)).ToArray();

        var loaded = DocumentLoader.Load(content, fileName);

        Assert.Empty(loaded.Findings);
        Assert.Equal(input.Spans, Tree.Spans(Assert.Single(loaded.Documents)));
    }

    public static TheoryData<string, string> WideEncodings() => new()
    {
        { "utf-16", "request.json" },
        { "utf-16BE", "request.json" },
        { "utf-32", "template.yaml" },
        { "utf-32BE", "unknown.template" },
        { "utf-16", "template.yaml" },
    };

    [Theory]
    [MemberData(nameof(WideEncodings))]
    public void Utf16_and_utf32_with_a_bom_are_decoded(string encodingName, string fileName)
    {
        var isJson = !fileName.EndsWith(".yaml", StringComparison.Ordinal);
        var input = Marked.Parse(isJson ? "«{\n «\"é😀\"»: «[«1»]»}»" : "««é😀»:\n  «- «1»»»");
        var encoding = Encoding.GetEncoding(encodingName);
        var content = encoding.GetPreamble().Concat(encoding.GetBytes(input.Text)).ToArray();

        var loaded = DocumentLoader.Load(content, fileName);

        Assert.Empty(loaded.Findings);
        Assert.Equal(input.Spans, Tree.Spans(Assert.Single(loaded.Documents)));
    }

    [Fact]
    public void Broken_utf16_after_a_bom_is_one_finding()
    {
        var content = new byte[] { 0xFF, 0xFE, (byte)'{', 0, 0x00, 0xD8, (byte)'}' };

        var finding = SingleParseFinding(DocumentLoader.Load(content, "request.json"));

        Assert.Contains("not valid UTF-16", finding.Message);
    }

    [Fact]
    public void Extremely_long_lines_load()
    {
        var value = new string('x', 4 * 1024 * 1024);
        var json = Marked.Parse($$"""{"a": "{{value}}", "b": «1»}""");
        var yaml = Marked.Parse($"a: {value}\nb: «1»\n");

        var jsonLoaded = json.Load("request.json");
        var yamlLoaded = yaml.Load("t.yaml");

        Assert.Empty(jsonLoaded.Findings);
        Assert.Equal(json.Single, Tree.At(Assert.Single(jsonLoaded.Documents), "/b").Span);
        Assert.Empty(yamlLoaded.Findings);
        Assert.Equal(value, Tree.Scalar(Assert.Single(yamlLoaded.Documents), "/a").Text);
        Assert.Equal(yaml.Single, Tree.At(Assert.Single(yamlLoaded.Documents), "/b").Span);
    }

    /// <summary>
    /// Every prefix of valid documents, and deterministic random corruptions of them, load without an exception, and
    /// each result either has documents or explains why not, with valid positions.
    /// </summary>
    [Theory]
    [InlineData("request.json")]
    [InlineData("template.yaml")]
    public void Truncated_and_corrupted_input_never_throws(string fileName)
    {
        var sample = fileName.EndsWith(".json", StringComparison.Ordinal)
            ? """
              {"name": "é😀", "n": [1, -2.5e3, true, null, {"k": "v\u0041"}], "o": {"a/b": {}}} // c
              """
            : """
              %YAML 1.2
              ---
              base: &b {x: 1, y: [a, 'b', "c"]}
              use: *b
              m: {<<: *b, z: !Ref R}
              s: |
                text é😀
              l:
                - ? x
                - !!int 7
              ...
              """;
        var bytes = Encoding.UTF8.GetBytes(sample);
        var random = new Random(7);
        var inputs = new List<byte[]>();
        for (var length = 0; length <= bytes.Length; length++)
        {
            inputs.Add(bytes[..length]);
        }

        for (var i = 0; i < 2000; i++)
        {
            var corrupted = (byte[])bytes.Clone();
            for (var n = random.Next(1, 4); n > 0; n--)
            {
                corrupted[random.Next(corrupted.Length)] = (byte)"{}[]:,\"'&*!|>-#\n \t\\"[random.Next(19)];
            }

            inputs.Add(corrupted);
        }

        foreach (var input in inputs)
        {
            var loaded = DocumentLoader.Load(input, fileName);

            Assert.True(loaded.Documents.Count > 0 || loaded.Findings.Count > 0);
            foreach (var finding in loaded.Findings)
            {
                Assert.Equal("ACL0001", finding.RuleId);
                Assert.True(finding.Span.Start.Line >= 1 && finding.Span.Start.Column >= 1);
                Assert.True(finding.Span.End.Line > finding.Span.Start.Line ||
                            (finding.Span.End.Line == finding.Span.Start.Line && finding.Span.End.Column >= finding.Span.Start.Column));
            }
        }
    }
}

using AgentCoreLint.Core.Loading;
using AgentCoreLint.Core.Terraform.Hcl;
using AgentCoreLint.Rules.Documents;

namespace AgentCoreLint.Core.Tests.Terraform;

/// <summary>The HCL native-syntax parser: every expression form of the specification, spans, comments, and errors
/// (hostile input ends as a syntax error, never a crash or hang).</summary>
public sealed class HclParserTests
{
    private static HclExpression Value(string source) =>
        Assert.Single(HclParser.Parse("a = " + source + "\n").Body.Attributes).Value;

    [Theory]
    [InlineData("1", typeof(HclLiteral))]
    [InlineData("1.5e3", typeof(HclLiteral))]
    [InlineData("true", typeof(HclLiteral))]
    [InlineData("null", typeof(HclLiteral))]
    [InlineData("\"text\"", typeof(HclTemplate))]
    [InlineData("\"a ${var.b} c\"", typeof(HclTemplate))]
    [InlineData("\"%{ if var.x }yes%{ else }no%{ endif }\"", typeof(HclTemplate))]
    [InlineData("\"%{ for k, v in var.m ~}${k}=${v}%{ endfor }\"", typeof(HclTemplate))]
    [InlineData("var.x", typeof(HclGetAttr))]
    [InlineData("local.x[0]", typeof(HclIndex))]
    [InlineData("aws_subnet.a.0.id", typeof(HclGetAttr))]
    [InlineData("aws_subnet.a.*.id", typeof(HclSplat))]
    [InlineData("aws_subnet.a[*].tags[\"Name\"]", typeof(HclSplat))]
    [InlineData("jsonencode({ a = 1 })", typeof(HclFunctionCall))]
    [InlineData("concat(var.a, var.b...)", typeof(HclFunctionCall))]
    [InlineData("provider::aws::arn_parse(var.arn)", typeof(HclFunctionCall))]
    [InlineData("[1, 2,\n 3,\n]", typeof(HclTuple))]
    [InlineData("{\n  a = 1\n  \"b\" = 2, c: 3\n  (var.k) = 4\n}", typeof(HclObject))]
    [InlineData("var.a == \"VPC\" ? [1] : []", typeof(HclConditional))]
    [InlineData("!var.a || var.b && 1 + 2 * 3 >= 4", typeof(HclBinary))]
    [InlineData("-1", typeof(HclUnary))]
    [InlineData("(1 + 2)", typeof(HclParenthesis))]
    [InlineData("[for s in var.list : upper(s) if s != \"\"]", typeof(HclFor))]
    [InlineData("{for k, v in var.map : k => v...}", typeof(HclFor))]
    public void ParsesEveryExpressionForm(string source, Type expected) =>
        Assert.IsType(expected, Value(source));

    [Fact]
    public void OperatorsFollowTheSpecificationsPrecedence()
    {
        var or = Assert.IsType<HclBinary>(Value("a || b && c == d + e * f"));
        Assert.Equal("||", or.Operator);
        var and = Assert.IsType<HclBinary>(or.Right);
        Assert.Equal("&&", and.Operator);
        var equals = Assert.IsType<HclBinary>(and.Right);
        Assert.Equal("==", equals.Operator);
        var plus = Assert.IsType<HclBinary>(equals.Right);
        Assert.Equal("+", plus.Operator);
        Assert.Equal("*", Assert.IsType<HclBinary>(plus.Right).Operator);
    }

    [Theory]
    [InlineData("\"a\\nb\\t\\\"\\\\\\u00e9\\U0001F600\"", "a\nb\t\"\\é😀")]
    [InlineData("\"$${literal} %%{also}\"", "${literal} %{also}")]
    [InlineData("<<EOT\nline one\n  line two\nEOT", "line one\n  line two\n")]
    [InlineData("<<-EOT\n    indented\n      more\n    EOT", "indented\n  more\n")]
    [InlineData("<<EOT\n  NOT EOT\nEOT", "  NOT EOT\n")]
    public void TemplatesUnescapeAndHeredocsStripIndentation(string source, string text) =>
        Assert.Equal(text, Assert.IsType<HclTemplate>(Value(source)).LiteralText);

    [Fact]
    public void StripMarkersTrimTheAdjacentText()
    {
        var template = Assert.IsType<HclTemplate>(Value("\"a   ${~ var.x ~}   b\""));
        Assert.Equal(new[] { "a", "b" }, template.Parts.OfType<HclTemplateText>().Select(t => t.Text));
    }

    [Fact]
    public void BlocksLabelsCommentsAndSpans()
    {
        var file = HclParser.Parse("""
            # hash comment
            // slash comment
            /* block
               comment */
            resource "aws_bedrockagentcore_agent_runtime" agent {
              agent_runtime_name = "support" # trailing
              network_configuration { network_mode = "PUBLIC" }
              empty {}
            }
            """);
        var block = Assert.Single(file.Body.Blocks);
        Assert.Equal("resource", block.Type);
        Assert.Equal(new[] { "aws_bedrockagentcore_agent_runtime", "agent" }, block.Labels.Select(l => l.Value));
        Assert.Equal(SourceSpan.Of(5, 10, 5, 46), block.Labels[0].Span);
        var name = Assert.Single(block.Body.Attributes);
        Assert.Equal(SourceSpan.Of(6, 3, 6, 21), name.NameSpan);
        Assert.Equal(SourceSpan.Of(6, 24, 6, 33), name.Value.Span);
        var network = block.Body.Blocks.First();
        Assert.Equal(new SourcePosition(7, 42), Assert.Single(network.Body.Attributes).Value.Span.Start);
        Assert.Equal(2, block.Body.Blocks.Count());
    }

    [Theory]
    [InlineData("a = \"unterminated\n", 1)]
    [InlineData("a = \"${ var.x \"\n", 1)]
    [InlineData("a = \"%{ if x }no endif\"\n", 1)]
    [InlineData("a = <<EOT\nnever closed\n", 1)]
    [InlineData("a = 1, b = 2\n", 1)]
    [InlineData("block {\n", 2)]
    [InlineData("a = [1, 2\n", 2)]
    [InlineData("a = \"\\q\"\n", 1)]
    [InlineData("/* open\n", 1)]
    [InlineData("}\n", 1)]
    [InlineData("a = 1 +\n", 2)]
    public void SyntaxErrorsHaveAPosition(string source, int line)
    {
        var error = Assert.Throws<HclSyntaxException>(() => HclParser.Parse(source));
        Assert.Equal(line, error.Position.Line);
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("(", ")")]
    [InlineData("{ a = ", "}")]
    [InlineData("\"${", "}\"")]
    [InlineData("!", "")]
    public void DeepNestingIsAFindingNotAStackOverflow(string open, string close)
    {
        var source = "a = " + string.Concat(Enumerable.Repeat(open, 100_000)) + "1" + string.Concat(Enumerable.Repeat(close, 100_000)) + "\n";
        var loaded = DocumentLoader.Load(System.Text.Encoding.UTF8.GetBytes(source), "deep.tf");
        Assert.Empty(loaded.Documents);
        Assert.Contains("levels deep", Assert.Single(loaded.Findings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeeplyNestedBlocksAreAFinding()
    {
        var source = string.Concat(Enumerable.Repeat("b {\n", 50_000)) + string.Concat(Enumerable.Repeat("}\n", 50_000));
        var loaded = DocumentLoader.Load(System.Text.Encoding.UTF8.GetBytes(source), "deep.tf");
        Assert.Equal("ACL0001", Assert.Single(loaded.Findings).RuleId);
    }

    [Fact]
    public void AHugeHeredocParses()
    {
        var body = string.Concat(Enumerable.Repeat("some line of text ${ not_here }\n".Replace("${", "$${"), 200_000));
        var template = Assert.IsType<HclTemplate>(Value("<<EOT\n" + body + "EOT"));
        Assert.Equal(body.Replace("$${", "${"), template.LiteralText);
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0x20, 0x3D, 0x20, 0x22, 0xC3, 0x28, 0x22, 0x0A })]
    [InlineData(new byte[] { 0x00, 0x01, 0x02, 0xFF, 0xFE, 0x00 })]
    [InlineData(new byte[] { 0x61, 0x20, 0x3D, 0x20, 0x00, 0x0A })]
    public void InvalidUtf8AndBinaryAreOneFinding(byte[] content)
    {
        var loaded = DocumentLoader.Load(content, "bad.tf");
        Assert.Empty(loaded.Documents);
        Assert.Equal("ACL0001", Assert.Single(loaded.Findings).RuleId);
    }

    [Fact]
    public void WindowsLineEndingsParse()
    {
        var file = HclParser.Parse("locals {\r\n  a = \"x\"\r\n  b = <<EOT\r\ntext\r\nEOT\r\n}\r\n");
        var locals = Assert.Single(file.Body.Blocks);
        Assert.Equal("x", Assert.IsType<HclTemplate>(locals.Body.Attribute("a")!.Value).LiteralText);
        Assert.Equal("text\r\n", Assert.IsType<HclTemplate>(locals.Body.Attribute("b")!.Value).LiteralText);
    }

    [Fact]
    public void AnEmptyFileIsAnEmptyBody()
    {
        var loaded = DocumentLoader.Load(Array.Empty<byte>(), "outputs.tf");
        Assert.Empty(loaded.Findings);
        Assert.Single(loaded.Documents);
    }
}

using System.Text;
using AgentCoreLint.Core.Loading;

namespace AgentCoreLint.Core.Tests.Loading;

public sealed class FormatDetectionTests
{
    [Theory]
    [InlineData("a.json", "a: 1", DocumentFormat.Json)]
    [InlineData("A.JSON", "a: 1", DocumentFormat.Json)]
    [InlineData("a.yaml", "{\"a\": 1}", DocumentFormat.Yaml)]
    [InlineData("dir/a.yml", "{\"a\": 1}", DocumentFormat.Yaml)]
    [InlineData("stack.template", "  \n{\"Resources\": {}}", DocumentFormat.Json)]
    [InlineData("stack.template", "AWSTemplateFormatVersion: '2010-09-09'", DocumentFormat.Yaml)]
    [InlineData("plan.tftpl", "[1]", DocumentFormat.Json)]
    [InlineData("no-extension", "# comment\na: 1", DocumentFormat.Yaml)]
    public void Format_comes_from_the_extension_else_the_content(string fileName, string text, DocumentFormat expected)
    {
        Assert.Equal(expected, DocumentLoader.DetectFormat(Encoding.UTF8.GetBytes(text), fileName));
    }

    [Fact]
    public void Utf16_json_is_sniffed_as_json()
    {
        var content = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("\n{}")).ToArray();

        Assert.Equal(DocumentFormat.Json, DocumentLoader.DetectFormat(content, "x.template"));
    }

    [Fact]
    public void Json_is_yaml_too()
    {
        var loaded = DocumentLoader.Load(Encoding.UTF8.GetBytes("{\"a\": [1, 2.5, \"x\", true, null]}"), "a.yaml");

        Assert.Empty(loaded.Findings);
        var root = Assert.Single(loaded.Documents);
        Assert.Equal("2.5", Tree.Scalar(root, "/a/1").Text);
    }

    [Fact]
    public void Invalid_options_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DocumentLoader.Load(Array.Empty<byte>(), "a.json", new LoadOptions { MaxDepth = 0 }));
    }
}

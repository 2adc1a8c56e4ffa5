using AgentCoreLint.SchemaGen.Model;

namespace AgentCoreLint.SchemaGen.Tests;

public sealed class DocTextTests
{
    [Theory]
    [InlineData("<p>Creates an Amazon Bedrock AgentCore Runtime.</p>", "Creates an Amazon Bedrock AgentCore Runtime.")]
    [InlineData("<p>Use <code>namespaceTemplates</code>.</p>", "Use namespaceTemplates.")]
    [InlineData("<p>One.</p><p>Two.</p>", "One. Two.")]
    [InlineData("<p>Modes:</p> <ul> <li> <p> <code>PUBLIC</code> - open</p> </li> <li><p><code>VPC</code> - private</p></li> </ul>", "Modes: PUBLIC - open VPC - private")]
    [InlineData("<p>See <a href=\"https://docs.aws.amazon.com/x\">the guide</a>.</p>", "See the guide.")]
    [InlineData("<p>Text &lt;b&gt; stays &amp; decodes&#33;</p>", "Text <b> stays & decodes!")]
    [InlineData("<note>\n  <p>Line\n   break</p>\n</note>", "Line break")]
    public void Html_becomes_one_line_of_plain_text(string html, string expected)
    {
        Assert.Equal(expected, DocText.ToPlainText(html));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("<p> </p>")]
    public void Empty_documentation_is_null(string? html)
    {
        Assert.Null(DocText.ToPlainText(html));
    }
}

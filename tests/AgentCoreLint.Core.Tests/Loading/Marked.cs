using System.Text;
using AgentCoreLint.Core.Loading;
using AgentCoreLint.Rules.Documents;

namespace AgentCoreLint.Core.Tests.Loading;

/// <summary>
/// Test input with expected regions marked in the text: «…» marks a span (pairs may nest). The markers are removed
/// and each span's positions are computed on the remaining text (1-based lines broken at LF, CRLF or CR; columns in
/// UTF-16 code units), independently of the loader's own position code.
/// </summary>
internal sealed class Marked
{
    private const char Open = '«';
    private const char Close = '»';

    private Marked(string text, IReadOnlyList<SourceSpan> spans)
    {
        Text = text;
        Spans = spans;
    }

    public string Text { get; }

    /// <summary>The marked spans in the order of their opening markers.</summary>
    public IReadOnlyList<SourceSpan> Spans { get; }

    public SourceSpan Single => Assert.Single(Spans);

    public static Marked Parse(string input)
    {
        var text = new StringBuilder(input.Length);
        var opened = new Stack<(int Order, SourcePosition Start)>();
        var spans = new List<(int Order, SourceSpan Span)>();
        int line = 1, column = 1, order = 0;
        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            switch (c)
            {
                case Open:
                    opened.Push((order++, new SourcePosition(line, column)));
                    continue;
                case Close:
                    var (o, start) = opened.Pop();
                    spans.Add((o, new SourceSpan(start, new SourcePosition(line, column))));
                    continue;
            }

            text.Append(c);
            if (c == '\n' || (c == '\r' && (i + 1 >= input.Length || input[i + 1] != '\n')))
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        Assert.Empty(opened);
        return new Marked(text.ToString(), spans.OrderBy(s => s.Order).Select(s => s.Span).ToList());
    }

    public LoadedDocument Load(string fileName, LoadOptions? options = null) =>
        DocumentLoader.Load(Encoding.UTF8.GetBytes(Text), fileName, options);
}

/// <summary>Walks document trees for assertions.</summary>
internal static class Tree
{
    /// <summary>Every span in document order: a node's span, then for each member its key span and its value's spans.</summary>
    public static List<SourceSpan> Spans(DocNode root)
    {
        var spans = new List<SourceSpan>();
        Collect(root, spans);
        return spans;
    }

    /// <summary>Every node with its pointer, in document order.</summary>
    public static List<DocNode> Nodes(DocNode root)
    {
        var nodes = new List<DocNode>();
        var stack = new Stack<DocNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            nodes.Add(node);
            var children = node switch
            {
                ObjectNode o => o.Properties.Select(p => p.Value).ToList(),
                ArrayNode a => a.Items.ToList(),
                _ => new List<DocNode>(),
            };
            for (var i = children.Count - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }

        return nodes;
    }

    /// <summary>The node at a JSON Pointer, found by member names and indexes (not by the nodes' Pointer property).</summary>
    public static DocNode At(DocNode root, string pointer)
    {
        var node = root;
        foreach (var token in JsonPointer.Parse(pointer))
        {
            node = node switch
            {
                ObjectNode o => o[token] ?? throw new KeyNotFoundException($"No member '{token}' at '{node.Pointer}'."),
                ArrayNode a => a.Items[int.Parse(token, System.Globalization.CultureInfo.InvariantCulture)],
                _ => throw new KeyNotFoundException($"'{node.Pointer}' is a scalar."),
            };
        }

        return node;
    }

    public static ScalarNode Scalar(DocNode root, string pointer) => Assert.IsType<ScalarNode>(At(root, pointer));

    private static void Collect(DocNode node, List<SourceSpan> spans)
    {
        spans.Add(node.Span);
        switch (node)
        {
            case ObjectNode o:
                foreach (var p in o.Properties)
                {
                    spans.Add(p.KeySpan);
                    Collect(p.Value, spans);
                }

                break;
            case ArrayNode a:
                foreach (var item in a.Items)
                {
                    Collect(item, spans);
                }

                break;
        }
    }
}

using System.Text;
using AgentCoreLint.Rules.Documents;

namespace AgentCoreLint.Core.Tests;

/// <summary>
/// Test input with expected locations marked in the text: each <c>⟦</c> marks where a finding must start. The
/// markers are removed; <see cref="Positions"/> holds their 1-based line/column (UTF-16 code units).
/// </summary>
internal sealed class Marked
{
    public const char Marker = '⟦';

    private Marked(string text, IReadOnlyList<SourcePosition> positions)
    {
        Text = text;
        Positions = positions;
    }

    public string Text { get; }

    public byte[] Bytes => Encoding.UTF8.GetBytes(Text);

    public IReadOnlyList<SourcePosition> Positions { get; }

    public SourcePosition Single => Assert.Single(Positions);

    public static Marked Parse(string input)
    {
        var text = new StringBuilder();
        var positions = new List<SourcePosition>();
        int line = 1, column = 1;
        foreach (var c in input.Replace("\r\n", "\n"))
        {
            if (c == Marker)
            {
                positions.Add(new SourcePosition(line, column));
                continue;
            }

            text.Append(c);
            if (c == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return new Marked(text.ToString(), positions);
    }
}

using System.Text;

namespace AgentCoreLint.Rules.Tests.Support;

/// <summary>The vendored AWS service model, for tests that pin a rule's constants to it.</summary>
internal static class ModelFile
{
    public static string Path
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "schemas", "aws", "bedrock-agentcore-control-2023-06-05.service-2.json");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException("schemas/aws/bedrock-agentcore-control-2023-06-05.service-2.json not found above the test directory.");
        }
    }

    /// <summary>The JSON text without whitespace outside strings, for substring checks.</summary>
    public static string Compact(string json)
    {
        var sb = new StringBuilder(json.Length);
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (inString)
            {
                sb.Append(c);
                if (c == '\\' && i + 1 < json.Length)
                {
                    sb.Append(json[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
                sb.Append(c);
            }
            else if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}

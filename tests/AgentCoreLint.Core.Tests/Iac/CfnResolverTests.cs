using AgentCoreLint.Core.Iac;
using AgentCoreLint.Core.Loading;
using AgentCoreLint.Rules.Documents;

namespace AgentCoreLint.Core.Tests.Iac;

/// <summary>Intrinsic functions in both spellings: what is resolved, what is unknown, what is removed.</summary>
public sealed class CfnResolverTests
{
    private const string Template = """
        Parameters:
          Mode:
            Type: String
            AllowedValues: [PUBLIC, PRIVATE]
            Default: PUBLIC
          Token:
            Type: String
            NoEcho: true
            Default: not-shown
          Subnets:
            Type: List<AWS::EC2::Subnet::Id>
            Default: subnet-1,subnet-2
        Mappings:
          Limits:
            prod: { Idle: 900 }
        Resources:
          R:
            Type: AWS::BedrockAgentCore::Runtime
            Properties:
              VALUE
        """;

    private static (DocNode? Value, CfnResolver Resolver) Resolve(string value) => Resolve(Marked.Parse(Template.Replace("VALUE", "X: " + value)));

    private static (DocNode? Value, CfnResolver Resolver) Resolve(Marked input)
    {
        var root = DocumentLoader.Load(input.Bytes, "t.yaml").Documents[0];
        var template = CfnTemplate.From(root)!;
        var resolver = new CfnResolver(template);
        var properties = (ObjectNode)((ObjectNode)template.Resources!["R"]!)["Properties"]!;
        var resolved = (ObjectNode)resolver.Resolve(properties)!;
        return (resolved["X"], resolver);
    }

    private static string Text(string value) => Assert.IsType<ScalarNode>(Resolve(value).Value).Text;

    private static string Reason(string value) => Assert.IsType<UnknownNode>(Resolve(value).Value).Reason;

    [Theory]
    [InlineData("!Sub plain-text", "plain-text")]
    [InlineData("{\"Fn::Sub\": \"literal ${!NotAVariable}\"}", "literal ${NotAVariable}")]
    [InlineData("!Sub [\"no-variables\", {}]", "no-variables")]
    [InlineData("!Join [\"_\", [support, agent, 2]]", "support_agent_2")]
    [InlineData("{\"Fn::Join\": [\"\", [\"a\", !Sub \"b\"]]}", "ab")]
    [InlineData("!Select [1, [a, b, c]]", "b")]
    [InlineData("!FindInMap [Limits, prod, Idle]", "900")]
    [InlineData("!If [C, same, same]", "same")]
    [InlineData("!If [C, only-when-present, !Ref AWS::NoValue]", "only-when-present")]
    public void Functions_over_literals_resolve(string value, string expected)
    {
        Assert.Equal(expected, Text(value));
    }

    [Theory]
    [InlineData("!Ref Mode", "Ref Mode")]
    [InlineData("{\"Ref\": \"AWS::Region\"}", "Ref AWS::Region")]
    [InlineData("!Sub \"${AWS::StackName}-agent\"", "Fn::Sub")]
    [InlineData("!GetAtt Role.Arn", "Fn::GetAtt")]
    [InlineData("{\"Fn::GetAtt\": [Role, Arn]}", "Fn::GetAtt")]
    [InlineData("!ImportValue shared-vpc", "Fn::ImportValue")]
    [InlineData("!Base64 text", "Fn::Base64")]
    [InlineData("!Cidr [10.0.0.0/16, 4, 8]", "Fn::Cidr")]
    [InlineData("!GetAZs \"\"", "Fn::GetAZs")]
    [InlineData("!Split [\",\", !ImportValue list]", "Fn::Split")]
    [InlineData("!Select [0, !GetAZs \"\"]", "Fn::Select")]
    [InlineData("!FindInMap [Limits, !Ref Mode, Idle]", "Fn::FindInMap")]
    [InlineData("!If [C, a, b]", "Fn::If")]
    [InlineData("!Equals [a, b]", "Fn::Equals")]
    [InlineData("!Not [!Condition C]", "Fn::Not")]
    [InlineData("!And [!Condition A, !Condition B]", "Fn::And")]
    [InlineData("!Or [!Condition A, !Condition B]", "Fn::Or")]
    [InlineData("!Condition C", "Condition")]
    [InlineData("\"{{resolve:secretsmanager:prod/db:SecretString:password}}\"", "dynamic reference {{resolve:secretsmanager:…}}")]
    [InlineData("\"{{resolve:ssm:/support/region}}\"", "dynamic reference {{resolve:ssm:…}}")]
    public void Everything_else_is_unknown(string value, string reason)
    {
        Assert.Equal(reason, Reason(value));
    }

    [Fact]
    public void NoValue_removes_the_member_and_list_items()
    {
        var (value, _) = Resolve("{ A: !Ref AWS::NoValue, B: [1, {\"Ref\": \"AWS::NoValue\"}, 3] }");
        var obj = Assert.IsType<ObjectNode>(value);
        Assert.Null(obj.Find("A"));
        Assert.Equal(new[] { "1", "3" }, Assert.IsType<ArrayNode>(obj["B"]).Items.Cast<ScalarNode>().Select(s => s.Text));
    }

    [Fact]
    public void A_parameter_reference_carries_its_literals_and_hides_NoEcho_ones()
    {
        var (value, resolver) = Resolve("!Ref Mode");
        var candidates = resolver.Candidates[Assert.IsType<UnknownNode>(value)];
        Assert.Equal(new[] { "PUBLIC", "PRIVATE", "PUBLIC" }, candidates.Select(c => c.Value.Text));
        Assert.Equal(new[] { false, false, true }, candidates.Select(c => c.IsDefault));

        (value, resolver) = Resolve("!Ref Token");
        Assert.True(Assert.Single(resolver.Candidates[Assert.IsType<UnknownNode>(value)]).IsSecret);

        (value, resolver) = Resolve("!Ref Subnets");
        Assert.False(resolver.Candidates.ContainsKey(Assert.IsType<UnknownNode>(value)));
    }

    [Fact]
    public void A_resolved_value_keeps_the_position_of_what_was_written()
    {
        var input = Marked.Parse(Template.Replace("VALUE", "X: ⟦!Join [\"-\", [a, b]]"));
        var (value, _) = Resolve(input);
        Assert.Equal(input.Single, value!.Span.Start);
        Assert.Equal("/Resources/R/Properties/X", value.Pointer);
        (value, _) = Resolve("!FindInMap [Limits, prod, Idle]");
        Assert.Equal("/Mappings/Limits/prod/Idle", value!.Pointer);
    }

    [Fact]
    public void Deep_nesting_ends_as_unknown()
    {
        var deep = string.Concat(Enumerable.Repeat("[", 200)) + "x" + string.Concat(Enumerable.Repeat("]", 200));
        var (value, _) = Resolve(deep);
        var node = value;
        var depth = 0;
        while (node is ArrayNode array)
        {
            node = array.Items[0];
            depth++;
        }

        Assert.IsType<UnknownNode>(node);
        Assert.True(depth < 200);
    }
}

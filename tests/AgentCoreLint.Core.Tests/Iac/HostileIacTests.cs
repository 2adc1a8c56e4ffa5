using System.Text;
using AgentCoreLint.Core.Engine;

namespace AgentCoreLint.Core.Tests.Iac;

/// <summary>
/// Hostile shapes in every place the IaC adapters read: generated templates, plans and responses whose sections,
/// properties and values have unexpected kinds, intrinsic functions with wrong arguments, deep nesting. Each must lint
/// to findings or nothing, never an exception. The generator is seeded, so a failure reproduces.
/// </summary>
public sealed class HostileIacTests
{
    private static readonly string[] Keys =
    {
        "Ref", "Fn::If", "Fn::Sub", "Fn::Join", "Fn::Select", "Fn::FindInMap", "Fn::GetAtt", "Fn::Split", "Condition",
        "Properties", "Type", "Metadata", "agentcorelint", "ignore", "NetworkConfiguration", "NetworkMode", "NetworkModeConfig",
        "Subnets", "FilesystemConfigurations", "SessionStorage", "MountPath", "EnvironmentVariables", "Tags", "Key", "Value",
        "ProtocolConfiguration", "AgentRuntimeArtifact", "ContainerConfiguration", "CodeConfiguration", "RecordingConfig",
        "Certificates", "CertificateLocation", "after", "after_unknown", "after_sensitive", "network_configuration",
        "credential_provider_configuration", "api_key", "input_schema", "property", "retrieval_config", "map_block_key",
        "harness", "agentRuntimeArn", "status", "environmentVariables",
    };

    private static readonly string[] Scalars =
    {
        "\"AWS::NoValue\"", "\"VPC\"", "\"/mnt/a/b\"", "\"{{resolve:secretsmanager:x}}\"", "true", "null", "0", "-1",
        "1e400", "\"ACL9999\"", "\"AWS::BedrockAgentCore::Runtime\"", "\"aws_bedrockagentcore_gateway_target\"", "\"\"",
        "\"${AWS::Region}\"", "\"sk-proj-4fJ2kL9qRt7vXw3yZ1aB5cD8eF0gH6iJ2kL4mN7oP9qR1sT3\"",
    };

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 40; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Generated_hostile_inputs_never_throw(int seed)
    {
        var random = new Random(seed);
        var linter = Linter.CreateDefault();
        var wrappers = new[]
        {
            """{"AWSTemplateFormatVersion":"2010-09-09","Parameters":V2,"Mappings":V3,"Resources":{"A":{"Type":"AWS::BedrockAgentCore::Runtime","Properties":BODY},"B":{"Type":"AWS::BedrockAgentCore::GatewayTarget","Metadata":V3,"Properties":BODY}}}""",
            """{"format_version":"1.2","resource_changes":[{"address":"x","type":"aws_bedrockagentcore_gateway_target","mode":"managed","change":{"actions":["create"],"after":BODY,"after_unknown":V4,"after_sensitive":V4}},{"address":"y","type":"aws_bedrockagentcore_harness","change":{"actions":["update"],"after":BODY}}]}""",
            """{"harness":{"harnessId":"h","arn":"a","status":"READY","x":BODY},"agentRuntimeArn":"a","agentRuntimeId":"i","status":"s","environmentVariables":BODY}""",
        };
        foreach (var wrapper in wrappers)
        {
            var text = wrapper.Replace("BODY", Value(random, 6)).Replace("V2", Value(random, 2)).Replace("V3", Value(random, 3)).Replace("V4", Value(random, 4));
            var exception = Record.Exception(() => linter.LintContent(Encoding.UTF8.GetBytes(text), "hostile.json", isExplicit: true, new LintOptions()));
            Assert.True(exception is null, $"seed {seed}: {exception}\n{text}");
        }
    }

    [Fact]
    public void Deeply_nested_intrinsics_are_unknown_not_a_stack_overflow()
    {
        // As deep as the loader accepts (its default depth limit is 256; each Fn::If level is an object and a list).
        var depth = 120;
        var value = string.Concat(Enumerable.Repeat("{\"Fn::If\":[\"C\",", depth)) + "\"x\"" + string.Concat(Enumerable.Repeat(",\"y\"]}", depth));
        var text = """{"Resources":{"A":{"Type":"AWS::BedrockAgentCore::Memory","Properties":{"Name":VALUE,"EventExpiryDuration":30}}}}""".Replace("VALUE", value);
        var outcome = Linter.CreateDefault().LintContent(Encoding.UTF8.GetBytes(text), "deep.json", isExplicit: true, new LintOptions());
        Assert.Equal(1, outcome.TargetCount);
        Assert.Empty(outcome.Findings);
    }

    private static string Value(Random random, int depth)
    {
        var roll = random.Next(depth <= 0 ? 3 : 10);
        switch (roll)
        {
            case < 3:
                return Scalars[random.Next(Scalars.Length)];
            case < 7:
            {
                var members = Enumerable.Range(0, random.Next(4)).Select(_ => $"\"{Keys[random.Next(Keys.Length)]}\":{Value(random, depth - 1)}");
                return "{" + string.Join(",", members.DistinctBy(m => m[..m.IndexOf("\":", StringComparison.Ordinal)])) + "}";
            }

            default:
                return "[" + string.Join(",", Enumerable.Range(0, random.Next(4)).Select(_ => Value(random, depth - 1))) + "]";
        }
    }
}

using AgentCoreLint.Core.Tests.Iac;

namespace AgentCoreLint.Core.Tests.ProjectConfig;

/// <summary>Starter-toolkit <c>.bedrock_agentcore.yaml</c> and AgentCore CLI <c>agentcore.json</c>: each agent linted as the
/// CreateAgentRuntime request the tool sends, at the key's line; tool state is not judged.</summary>
public sealed class ProjectConfigTests
{
    private const string Toolkit = """
        default_agent: support_agent
        agents:
          support_agent:
            name: NAME
            entrypoint: agent.py
            aws:
              execution_role: null
              execution_role_auto_create: true
              account: '111122223333'
              region: us-east-1
              ecr_repository: null
              network_configuration:
                network_mode: MODE
                network_mode_config: CONFIG
            bedrock_agentcore:
              agent_id: null
              agent_arn: arn:aws:bedrock-agentcore:us-east-1:111122223333:runtime/support_agent-Ab12Cd34Ef
              agent_session_id: 0c1d2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f
            authorizer_configuration: null
        """;

    private static Marked ToolkitWith(string name = "support_agent", string mode = "PUBLIC", string config = "null") =>
        Marked.Parse(Toolkit.Replace("NAME", name).Replace("MODE", mode).Replace("CONFIG", config));

    [Fact]
    public void CommittedToolStateIsNotADefect() => IacHarness.Clean(ToolkitWith(), ".bedrock_agentcore.yaml");

    [Fact]
    public void ToolkitDefectsAreReportedAtTheKeysLine() =>
        IacHarness.Expect(ToolkitWith("⟦chat-agent", "⟦PRIVATE"), ".bedrock_agentcore.yaml", "ACL1005", "ACL1004");

    [Fact]
    public void ToolkitVpcModeReadsTheCliFieldNames()
    {
        IacHarness.Clean(ToolkitWith(mode: "VPC", config: "\n          subnet_ids: [subnet-0a1b2c3d4e5f60718]\n          security_group_ids: [sg-0a1b2c3d4e5f60718]"), ".bedrock_agentcore.yaml");
        IacHarness.Expect(ToolkitWith(mode: "VPC", config: "\n          subnets: [⟦your-vpc-subnet-id]\n          security_groups: [sg-0a1b2c3d4e5f60718]"), ".bedrock_agentcore.yaml", "ACL2101");
    }

    private const string Cli = """
        {
          "name": "SupportDesk",
          "version": 1,
          "runtimes": [
            { "name": NAME, "build": "CodeZip", "entrypoint": "main.py", "codeLocation": "app", MODE
              "envVars": [ { "name": "LOG_LEVEL", "value": "INFO" } ] }
          ],
          "harnesses": [ { "name": "newer-than-the-linter" } ]
        }
        """;

    [Fact]
    public void ACleanCliProjectHasNoFinding()
    {
        IacHarness.Clean(Marked.Parse(Cli.Replace("NAME", "\"SupportAgent\"").Replace("MODE", "")), "agentcore.json");
        // VPC without networkConfig: the CLI's deployment target may supply it, so it is not judged.
        IacHarness.Clean(Marked.Parse(Cli.Replace("NAME", "\"SupportAgent\"").Replace("MODE", "\"networkMode\": \"VPC\",")), "agentcore.json");
    }

    [Fact]
    public void CliDefectsAreReportedAtTheKeysLine() =>
        IacHarness.Expect(Marked.Parse(Cli.Replace("NAME", "⟦\"support-agent\"").Replace("MODE", "\"networkMode\": ⟦\"PRIVATE\",")), "agentcore.json", "ACL1005", "ACL1004");
}

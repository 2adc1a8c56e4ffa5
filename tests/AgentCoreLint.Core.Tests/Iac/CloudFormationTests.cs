using AgentCoreLint.Rules.Catalog;
using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Core.Tests.Iac;

/// <summary>CloudFormation templates end to end: findings on the template's lines, both contracts, one finding per problem.</summary>
public sealed class CloudFormationTests
{
    /// <summary>A valid Runtime; <c>PROPS</c> is replaced by extra properties (indented by six spaces).</summary>
    private const string Runtime = """
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          Stage:
            Type: String
            Default: prod
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument: {}
          Agent:
            Type: AWS::BedrockAgentCore::Runtime
            Properties:
              AgentRuntimeName: support_agent
              RoleArn: !GetAtt Role.Arn
              AgentRuntimeArtifact:
                ContainerConfiguration:
                  ContainerUri: !Sub "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/support-agent:1.4.2"
              NetworkConfiguration:
                NetworkMode: PUBLIC
              ProtocolConfiguration: HTTP
        PROPS
        """;

    private static Marked RuntimeWith(string properties) => Marked.Parse(Runtime.Replace("PROPS", properties));

    private static Marked RuntimeReplacing(string from, string to) => Marked.Parse(Runtime.Replace("PROPS", "").Replace(from, to));

    [Fact]
    public void A_valid_runtime_has_no_findings()
    {
        IacHarness.Clean(RuntimeWith(""), "template.yaml");
    }

    [Fact]
    public void A_hyphen_in_the_runtime_name_is_reported_at_the_value_against_the_API()
    {
        // The CloudFormation schema's pattern is unanchored and accepts it; the service does not.
        var input = RuntimeReplacing("AgentRuntimeName: support_agent", "AgentRuntimeName: ⟦refund-agent-v2");
        var finding = Assert.Single(IacHarness.Expect(input, "template.yaml", "ACL1005"));
        Assert.Contains("'refund-agent-v2'", finding.Message);
        Assert.Contains("the AgentCore Control API (CreateAgentRuntime)", finding.Message);
        Assert.Equal("Resources/Agent", finding.LogicalLocation);
    }

    [Fact]
    public void A_value_both_schemas_reject_is_one_finding_naming_the_CloudFormation_schema()
    {
        var input = Marked.Parse("""
            Resources:
              Canary:
                Type: AWS::BedrockAgentCore::RuntimeEndpoint
                Properties:
                  AgentRuntimeId: !GetAtt Agent.AgentRuntimeId
                  Name: ⟦refund-canary
            """);
        var finding = Assert.Single(IacHarness.Expect(input, "template.yaml", "ACL1005"));
        Assert.Contains("the CloudFormation schema of AWS::BedrockAgentCore::RuntimeEndpoint", finding.Message);
    }

    [Fact]
    public void The_API_shape_of_ProtocolConfiguration_is_a_CloudFormation_type_error_with_a_hint()
    {
        var input = RuntimeReplacing("      ProtocolConfiguration: HTTP", "      ⟦ProtocolConfiguration:\n        ServerProtocol: HTTP");
        var finding = Assert.Single(IacHarness.Expect(input, "template.yaml", "ACL1003"));
        Assert.Contains("ProtocolConfiguration: HTTP", finding.Message);
    }

    [Fact]
    public void ProtocolConfiguration_maps_to_serverProtocol_and_a_bad_value_is_one_finding()
    {
        var input = RuntimeReplacing("ProtocolConfiguration: HTTP", "ProtocolConfiguration: ⟦GRPC");
        var finding = Assert.Single(IacHarness.Expect(input, "template.yaml", "ACL1004"));
        Assert.Contains("MCP, HTTP, A2A, AGUI", finding.Message);
    }

    [Fact]
    public void Both_artifact_members_are_one_union_finding()
    {
        var input = RuntimeReplacing("""
                  AgentRuntimeArtifact:
                    ContainerConfiguration:
            """, """
                  AgentRuntimeArtifact:
                    CodeConfiguration:
                      Code: { S3: { Bucket: support-artifacts, Prefix: agent.zip } }
                      EntryPoint: [main.py]
                      Runtime: PYTHON_3_12
                    ⟦ContainerConfiguration:
            """);
        var finding = Assert.Single(IacHarness.Expect(input, "template.yaml", "ACL1008"));
        Assert.Contains("codeConfiguration and containerConfiguration", finding.Message);
    }

    [Fact]
    public void An_incomplete_VPC_is_one_network_finding_not_also_a_missing_property()
    {
        var input = RuntimeReplacing("""
                  NetworkConfiguration:
                    NetworkMode: PUBLIC
            """, """
                  NetworkConfiguration:
                    NetworkMode: VPC
                    ⟦NetworkModeConfig:
                      SecurityGroups: [sg-0a1b2c3d4e5f67890]
            """);
        var finding = Assert.Single(IacHarness.Expect(input, "template.yaml", "ACL2101"));
        Assert.Contains("subnets", finding.Message);
    }

    [Fact]
    public void A_nested_mount_path_is_one_storage_finding_not_also_a_pattern_finding()
    {
        IacHarness.Expect(RuntimeWith("""
                  FilesystemConfigurations:
                    - SessionStorage:
                        MountPath: ⟦/mnt/data/cache
            """), "template.yaml", "ACL2001");
    }

    [Fact]
    public void A_literal_secret_in_environment_variables_is_reported_and_converted_scalars_are_not()
    {
        IacHarness.Expect(RuntimeWith("""
                  EnvironmentVariables:
                    OPENAI_API_KEY: ⟦sk-proj-4fJ2kL9qRt7vXw3yZ1aB5cD8eF0gH6iJ2kL4mN7oP9qR1sT3
                    USE_VERTEXAI: 0
                    DEBUG: false
            """), "template.yaml", "ACL3001");
    }

    [Fact]
    public void Secret_dynamic_references_are_never_a_literal_secret()
    {
        var findings = IacHarness.Lint(RuntimeWith("""
                  EnvironmentVariables:
                    DB_PASSWORD: "{{resolve:secretsmanager:prod/db:SecretString:password}}"
                    API_TOKEN: "{{resolve:ssm-secure:/support/api-token}}"
                    BOTH: !Sub "token={{resolve:secretsmanager:prod/api}}"
            """), "template.yaml");
        Assert.DoesNotContain(findings, f => f.RuleId is "ACL3001" or "ACL3002");
        // ACL3004 (the rules' own warning that the resolved plaintext ends up in the configuration) is the only one.
        Assert.All(findings, f => Assert.Equal(("ACL3004", FindingLevel.Warning), (f.RuleId, f.Level)));
    }

    [Fact]
    public void A_credential_put_in_the_wrong_place_is_reported_but_not_echoed()
    {
        const string Token = "sk-proj-4fJ2kL9qRt7vXw3yZ1aB5cD8eF0gH6iJ2kL4mN7oP9qR1sT3";
        var input = Marked.Parse(Runtime.Replace("PROPS", "")
            .Replace("RoleArn: !GetAtt Role.Arn", "RoleArn: ⟦" + Token)
            .Replace("AgentRuntimeName: support_agent", "AgentRuntimeName: !Ref Stage")
            .Replace("Default: prod", "Default: ⟦" + Token));
        var findings = IacHarness.Expect(input, "template.yaml", "ACL1005", "ACL1005");
        Assert.All(findings, f => Assert.DoesNotContain(Token[..12], f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Intrinsic_functions_are_unknown_and_never_judged_by_value()
    {
        IacHarness.Clean(RuntimeReplacing("AgentRuntimeName: support_agent", "AgentRuntimeName: !Sub \"${AWS::StackName}-agent\""), "template.yaml");
        IacHarness.Clean(RuntimeReplacing("AgentRuntimeName: support_agent", "AgentRuntimeName: {\"Fn::Join\": [\"-\", [!Ref Stage, {\"Ref\": \"AWS::StackName\"}]]}"), "template.yaml");
        IacHarness.Clean(RuntimeReplacing("NetworkMode: PUBLIC", "NetworkMode: !ImportValue shared-network-mode"), "template.yaml");
    }

    [Fact]
    public void Resolvable_functions_are_checked_where_the_literal_is_written()
    {
        // Fn::Join over literals is known; the finding points at the function.
        IacHarness.Expect(RuntimeReplacing("AgentRuntimeName: support_agent", "AgentRuntimeName: ⟦!Join [\"-\", [support, agent]]"), "template.yaml", "ACL1005");
        // Fn::If with an AWS::NoValue branch: the other branch is what deploys whenever the property is present.
        IacHarness.Expect(RuntimeWith("""
                  FilesystemConfigurations:
                    - SessionStorage:
                        MountPath: !If [IsProd, ⟦/mnt/a/b, !Ref AWS::NoValue]
            """), "template.yaml", "ACL2001");
        // Ref: AWS::NoValue removes the property: the required RoleArn is then missing, reported at Properties.
        IacHarness.Expect(Marked.Parse(Runtime.Replace("PROPS", "")
            .Replace("    Properties:\n      AgentRuntimeName", "    ⟦Properties:\n      AgentRuntimeName")
            .Replace("RoleArn: !GetAtt Role.Arn", "RoleArn: !Ref AWS::NoValue")), "template.yaml", "ACL1001");
    }

    [Fact]
    public void A_missing_required_property_is_one_finding_in_CloudFormation_names()
    {
        var input = Marked.Parse("""
            Resources:
              Agent:
                Type: AWS::BedrockAgentCore::Runtime
                ⟦Properties:
                  AgentRuntimeName: support_agent
                  RoleArn: arn:aws:iam::123456789012:role/Agent
                  NetworkConfiguration: { NetworkMode: PUBLIC }
            """);
        var finding = Assert.Single(IacHarness.Expect(input, "template.yaml", "ACL1001"));
        Assert.Contains("'AgentRuntimeArtifact'", finding.Message);
        Assert.Contains("the CloudFormation schema of AWS::BedrockAgentCore::Runtime", finding.Message);
    }

    [Fact]
    public void A_member_only_the_API_requires_is_reported_by_the_API_check()
    {
        var input = Marked.Parse("""
            Resources:
              Target:
                Type: AWS::BedrockAgentCore::GatewayTarget
                ⟦Properties:
                  Name: order-lookup
                  TargetConfiguration:
                    Mcp:
                      McpServer:
                        Endpoint: https://mcp.example.com/mcp
            """);
        var finding = Assert.Single(IacHarness.Expect(input, "template.yaml", "ACL1001"));
        Assert.Contains("'gatewayIdentifier'", finding.Message);
        Assert.Contains("the AgentCore Control API (CreateGatewayTarget)", finding.Message);
    }

    [Fact]
    public void A_resource_without_properties_is_reported_at_its_logical_id()
    {
        var findings = IacHarness.Lint(Marked.Parse("""
            Resources:
              ⟦Memory:
                Type: AWS::BedrockAgentCore::Memory
            """), "template.yaml");
        Assert.Equal(2, findings.Count); // Name and EventExpiryDuration, once each.
        Assert.All(findings, f => Assert.Equal(("ACL1001", 2, 3), (f.RuleId, f.Span.Start.Line, f.Span.Start.Column)));
    }

    [Fact]
    public void Read_only_properties_are_reported_at_the_key()
    {
        var finding = Assert.Single(IacHarness.Expect(RuntimeWith("      ⟦AgentRuntimeId: support_agent-AbCdEf1234"), "template.yaml", "ACL1002"));
        Assert.Contains("!GetAtt Agent.AgentRuntimeId", finding.Message);

        IacHarness.Expect(Marked.Parse("""
            Resources:
              Memory:
                Type: AWS::BedrockAgentCore::Memory
                Properties:
                  Name: support_memory
                  EventExpiryDuration: 30
                  MemoryStrategies:
                    - SemanticMemoryStrategy:
                        Name: facts
                        ⟦Status: ACTIVE
            """), "template.yaml", "ACL1002");
    }

    [Fact]
    public void Browser_recording_certificates_and_enterprise_policies_map_onto_the_API_names()
    {
        var input = Marked.Parse("""
            Resources:
              Browser:
                Type: AWS::BedrockAgentCore::BrowserCustom
                Properties:
                  Name: orders_browser
                  NetworkConfiguration: { NetworkMode: PUBLIC }
                  RecordingConfig:
                    Enabled: true
                    S3Location: { Bucket: ⟦Recordings_Bucket, Prefix: sessions/ }
                  Certificates:
                    - CertificateLocation:
                        SecretArn: arn:aws:secretsmanager:us-east-1:123456789012:secret:corp-ca-AbCdEf
                  EnterprisePolicies:
                    - Type: MANAGED
                      Location: { Bucket: corp-browser-policies, Prefix: policy.json }
            """);
        var finding = Assert.Single(IacHarness.Expect(input, "template.yaml", "ACL1005"));
        Assert.Contains("Bucket", finding.Message);

        var context = IacHarness.Adapt(new Core.Iac.CloudFormationAdapter(), input.Text, "template.yaml");
        var request = IacHarness.Dump(Assert.Single(context.Targets).Request);
        Assert.Contains("recording: {enabled: true, s3Location: {bucket: \"Recordings_Bucket\", prefix: \"sessions/\"}}", request);
        Assert.Contains("certificates: [{location: {secretsManager: {secretArn: ", request);
        Assert.Contains("enterprisePolicies: [{type: \"MANAGED\", location: {s3: {bucket: \"corp-browser-policies\", prefix: \"policy.json\"}}}]", request);
    }

    [Fact]
    public void Harness_tags_written_as_a_list_map_onto_the_API_map()
    {
        var input = Marked.Parse("""
            Resources:
              Harness:
                Type: AWS::BedrockAgentCore::Harness
                Properties:
                  HarnessName: research_harness
                  ExecutionRoleArn: arn:aws:iam::123456789012:role/Harness
                  Model:
                    BedrockModelConfig: { ModelId: anthropic.claude-sonnet-4-20250514-v1:0 }
                  Tags:
                    - Key: team
                      Value: research
                    - Key: ⟦cost center!
                      Value: "4711"
            """);
        var finding = Assert.Single(IacHarness.Expect(input, "template.yaml", "ACL1005"));
        Assert.Contains("cost center!", finding.Message);
        var context = IacHarness.Adapt(new Core.Iac.CloudFormationAdapter(), input.Text, "template.yaml");
        Assert.Contains("tags: {team: \"research\", cost center!: \"4711\"}", IacHarness.Dump(Assert.Single(context.Targets).Request));
    }

    [Fact]
    public void Metadata_suppresses_rules_for_the_resource_and_reports_unknown_ids()
    {
        var input = Marked.Parse("""
            Resources:
              Browser:
                Type: AWS::BedrockAgentCore::BrowserCustom
                Metadata:
                  agentcorelint:
                    ignore: [ACL2102, ⟦ACL9999]
                Properties:
                  Name: orders_browser
                  NetworkConfiguration:
                    NetworkMode: PUBLIC
                    VpcConfig:
                      Subnets: [subnet-0a1b2c3d4e5f67890]
                      SecurityGroups: [sg-0a1b2c3d4e5f67890]
            """);
        var finding = Assert.Single(IacHarness.Expect(input, "template.yaml", "ACL0003"));
        Assert.Contains("'ACL9999'", finding.Message);
        Assert.Contains(IacHarness.Lint(Marked.Parse(input.Text.Replace("[ACL2102, ACL9999]", "[]")), "template.yaml"), f => f.RuleId == "ACL2102");
    }

    [Fact]
    public void Parameter_literals_are_checked_where_they_are_written()
    {
        var input = Marked.Parse("""
            Parameters:
              NetworkMode:
                Type: String
                AllowedValues: [PUBLIC, ⟦PRIVATE]
                Default: PUBLIC
              AgentName:
                Type: String
                Default: ⟦google-adk-agent
            Resources:
              Agent:
                Type: AWS::BedrockAgentCore::Runtime
                Properties:
                  AgentRuntimeName: !Ref AgentName
                  RoleArn: arn:aws:iam::123456789012:role/Agent
                  AgentRuntimeArtifact:
                    ContainerConfiguration: { ContainerUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/agent:1.0 }
                  NetworkConfiguration:
                    NetworkMode: !Ref NetworkMode
              Interpreter:
                Type: AWS::BedrockAgentCore::CodeInterpreterCustom
                Properties:
                  Name: analysis
                  NetworkConfiguration:
                    NetworkMode: !Ref NetworkMode
            """);
        var findings = IacHarness.Expect(input, "template.yaml", "ACL1004", "ACL1005");
        Assert.Equal(FindingLevel.Warning, findings[0].Level);
        Assert.Contains("Resources/Agent (AWS::BedrockAgentCore::Runtime), where allowed values are PUBLIC, VPC", findings[0].Message);
        Assert.Contains("Resources/Interpreter (AWS::BedrockAgentCore::CodeInterpreterCustom), where allowed values are PUBLIC, SANDBOX, VPC", findings[0].Message);
        Assert.Equal("Parameters/NetworkMode", findings[0].LogicalLocation);
        Assert.Equal(FindingLevel.Error, findings[1].Level);
        Assert.Contains("'google-adk-agent'", findings[1].Message);
    }

    [Fact]
    public void A_CDK_synthesised_JSON_template_is_linted_at_its_lines()
    {
        var input = Marked.Parse("""
            {
             "Resources": {
              "AgentRuntime8F3C2A1D": {
               "Type": "AWS::BedrockAgentCore::Runtime",
               "Properties": {
                "AgentRuntimeArtifact": {"ContainerConfiguration": {"ContainerUri": {"Fn::Sub": "123456789012.dkr.ecr.us-east-1.${AWS::URLSuffix}/cdk-hnb659fds-container-assets:6f1e3c1b"}}},
                "AgentRuntimeName": "support_agent",
                "FilesystemConfigurations": [{"SessionStorage": {"MountPath": ⟦"/data"}}],
                "LifecycleConfiguration": {},
                "NetworkConfiguration": {"NetworkMode": "PUBLIC"},
                "ProtocolConfiguration": "HTTP",
                "RoleArn": {"Fn::GetAtt": ["AgentRole", "Arn"]}
               },
               "Metadata": {"aws:cdk:path": "SupportAgentStack/AgentRuntime/Resource"}
              },
              "CDKMetadata": {"Type": "AWS::CDK::Metadata", "Properties": {"Analytics": "v2:deflate64:H4sI"}}
             }
            }
            """);
        IacHarness.Expect(input, "SupportAgentStack.template.json", "ACL2001");
    }

    [Fact]
    public void Hostile_template_shapes_are_findings_or_skipped_never_a_crash()
    {
        IacHarness.Expect(Marked.Parse("""
            Resources:
              Agent:
                Type: AWS::BedrockAgentCore::Runtime
                Properties: ⟦just a string
              Odd: [1, 2]
              Typed:
                Type: { Nested: true }
              Conditional:
                Type: AWS::BedrockAgentCore::Memory
                Properties: !If [IsProd, { Name: a }, { Name: b }]
              Deep:
                Type: AWS::BedrockAgentCore::Memory
                Properties:
                  Name: !If [A, !If [B, !If [C, x, y], z], !Select [5, [a]]]
                  EventExpiryDuration: !FindInMap [Missing, Key, Value]
            """), "template.yaml", "ACL1003");
    }

    [Fact]
    public void An_unknown_AgentCore_type_is_an_error_of_its_own_with_a_suggestion()
    {
        var finding = Assert.Single(IacHarness.Expect(Marked.Parse("""
            Resources:
              Agent:
                Type: ⟦AWS::BedrockAgentCore::RunTime
            """), "template.yaml", RuleIds.UnknownResourceType));
        Assert.Equal(FindingLevel.Error, finding.Level);
        Assert.Contains("AWS::BedrockAgentCore::Runtime", finding.Message);
    }

    [Fact]
    public void Limits_of_the_older_us_east_1_Runtime_schema_are_warnings()
    {
        var input = RuntimeWith("""
                  ⟦FilesystemConfigurations:
                    - SessionStorage:
                        MountPath: /mnt/data
                    - ⟦S3FilesAccessPoint:
                        AccessPointArn: arn:aws:s3files:us-east-1:123456789012:file-system/fs-0123456789abcdef01234/access-point/fsap-0123456789abcdef01234
                        MountPath: /mnt/shared
                  RequestHeaderConfiguration:
                    RequestHeaderAllowlist:
                      - Authorization
                      - ⟦X-Tenant-Id
            """);
        var findings = IacHarness.Lint(input, "template.yaml").Where(f => f.RuleId == RuleIds.LegacyRegistryLimit).ToList();
        Assert.Equal(input.Positions, findings.Select(f => f.Span.Start).OrderBy(p => p.Line).ToList());
        Assert.All(findings, f => Assert.Equal(Rules.Findings.FindingLevel.Warning, f.Level));
        Assert.All(findings, f => Assert.Contains("cfn-lint 1.51.0", f.Message));
    }

    [Fact]
    public void DependsOn_already_implied_by_a_reference_is_a_warning()
    {
        var input = Marked.Parse(Runtime.Replace("PROPS", "").Replace(
            "    Type: AWS::BedrockAgentCore::Runtime\n",
            "    Type: AWS::BedrockAgentCore::Runtime\n    DependsOn: [⟦Role, Other]\n"));
        var finding = Assert.Single(IacHarness.Lint(input, "template.yaml"), f => f.RuleId == "ACL4003");
        Assert.Equal(input.Single, finding.Span.Start);
        Assert.Contains("'Role'", finding.Message);
    }
}

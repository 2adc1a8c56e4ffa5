using AgentCoreLint.Core.Engine;
using AgentCoreLint.Core.Tests.Iac;
using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Core.Tests.Terraform;

/// <summary>Terraform source: resource blocks linted as the provider's requests at the .tf line; variables, locals,
/// tfvars, validations, dynamic blocks, awscc resources, secret flows, and agreement with the plan input.</summary>
public sealed class TerraformSourceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("acl-tf-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string Runtime = """
        resource "aws_bedrockagentcore_agent_runtime" "support" {
          agent_runtime_name = NAME
          role_arn           = aws_iam_role.agent.arn
          agent_runtime_artifact {
            container_configuration {
              container_uri = "123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:1.4.2"
            }
          }
          network_configuration {
            network_mode = MODE
          }
          environment_variables = {
            LOG_LEVEL = "INFO"
            RETRIES   = 3
          }
        }
        """;

    private static Marked RuntimeWith(string name = "\"support_agent\"", string mode = "\"PUBLIC\"") =>
        Marked.Parse(Runtime.Replace("NAME", name).Replace("MODE", mode));

    [Fact]
    public void ACleanRuntimeHasNoFinding() => IacHarness.Clean(RuntimeWith(), "main.tf");

    [Fact]
    public void LiteralDefectsAreReportedAtTheirLine()
    {
        var findings = IacHarness.Expect(RuntimeWith("⟦\"chat-agent\"", "⟦\"PRIVATE\""), "main.tf", "ACL1005", "ACL1004");
        Assert.All(findings, f => Assert.StartsWith("aws_bedrockagentcore_agent_runtime.support: ", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownValuesAreNotJudged() =>
        IacHarness.Clean(RuntimeWith("\"${var.prefix}-agent\"", "lookup(var.modes, terraform.workspace)"), "main.tf");

    [Fact]
    public void LiteralLocalsResolve()
    {
        var input = Marked.Parse("locals {\n  name = ⟦\"chat-agent\"\n  computed = upper(var.x)\n}\n" + Runtime.Replace("NAME", "local.name").Replace("MODE", "\"PUBLIC\""));
        IacHarness.Expect(input, "main.tf", "ACL1005");
    }

    [Fact]
    public void AMissingRequiredBlockIsReportedAtTheResource()
    {
        var input = Marked.Parse("""
            resource "aws_bedrockagentcore_agent_runtime" ⟦"support" {
              agent_runtime_name = "support_agent"
              role_arn           = aws_iam_role.agent.arn
              agent_runtime_artifact {
                container_configuration {
                  container_uri = "123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:1.4.2"
                }
              }
            }
            """);
        IacHarness.Expect(input, "main.tf", "ACL1001");
    }

    [Fact]
    public void DynamicBlocksAndCountAreNotFalseAlarms()
    {
        var input = Marked.Parse(Runtime.Replace("NAME", "\"support_agent\"").Replace("MODE", "var.network_mode").Replace(
            "  environment_variables", """
              dynamic "authorizer_configuration" {
                for_each = var.discovery_url == null ? [] : [1]
                content {
                  custom_jwt_authorizer {
                    discovery_url = var.discovery_url
                  }
                }
              }
              count = var.enabled ? 1 : 0
              environment_variables
            """));
        IacHarness.Clean(input, "main.tf");
    }

    [Fact]
    public void DynamicBlocksThatAreAlternativesAreNotCountedTogether()
    {
        var input = Marked.Parse("""
            resource "aws_bedrockagentcore_gateway_target" "target" {
              for_each           = var.targets
              name               = each.key
              gateway_identifier = aws_bedrockagentcore_gateway.gateway.gateway_id
              target_configuration {
                mcp {
                  dynamic "lambda" {
                    for_each = each.value.type == "LAMBDA" ? [1] : []
                    content {
                      lambda_arn = each.value.lambda_arn
                    }
                  }
                  dynamic "mcp_server" {
                    for_each = each.value.type == "MCP_SERVER" ? [1] : []
                    content {
                      endpoint = each.value.endpoint
                    }
                  }
                }
              }
            }
            """);
        IacHarness.Clean(input, "main.tf");
    }

    [Fact]
    public void AwsccResourcesUseTheCloudFormationShape()
    {
        var input = Marked.Parse("""
            resource "awscc_bedrockagentcore_runtime" "agent" {
              agent_runtime_name = ⟦"chat-agent"
              role_arn           = aws_iam_role.agent.arn
              agent_runtime_artifact = {
                container_configuration = { container_uri = "123456789012.dkr.ecr.us-east-1.amazonaws.com/agent:1" }
              }
              network_configuration  = { network_mode = "PUBLIC" }
              protocol_configuration = "HTTP"
            }
            """);
        IacHarness.Expect(input, "main.tf", "ACL1005");
    }

    [Fact]
    public void SensitiveOrSecretNamedVariablesInEnvironmentVariablesAreReported()
    {
        var input = Marked.Parse(Runtime.Replace("NAME", "\"support_agent\"").Replace("MODE", "\"PUBLIC\"").Replace(
            "    RETRIES   = 3", """
                TOKEN     = ⟦var.service_credential
                HEADERS   = ⟦"Authorization=Basic ${base64encode("${var.public_key}:${var.langfuse_secret_key}")}"
                REGION    = var.region
            """) + """

            variable "service_credential" {
              type      = string
              sensitive = true
            }
            """);
        var findings = IacHarness.Expect(input, "main.tf", "ACL3001", "ACL3001");
        Assert.Contains("move it to Secrets Manager / an AgentCore Identity credential provider", findings[0].Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("sensitive variable 'service_credential'", findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VariableDefaultsTfvarsAndValidationsAreCheckedWhereTheyAreWritten()
    {
        File.WriteAllText(Path.Combine(_folder, "main.tf"), Runtime.Replace("NAME", "var.agent_name").Replace("MODE", "var.network_mode"));
        var variables = Marked.Parse("""
            variable "network_mode" {
              type    = string
              default = "PUBLIC"
              validation {
                condition     = contains(["PUBLIC", ⟦"PRIVATE"], var.network_mode)
                error_message = "PUBLIC or PRIVATE."
              }
            }
            variable "agent_name" {
              default = ⟦"chat-agent"
            }
            variable "subnets" {
              default = []
            }
            """);
        File.WriteAllText(Path.Combine(_folder, "variables.tf"), variables.Text);
        var tfvars = Marked.Parse("agent_name = ⟦\"my-agent\"\n");
        File.WriteAllText(Path.Combine(_folder, "terraform.tfvars"), tfvars.Text);

        var report = Linter.CreateDefault().Lint(new[] { _folder }, new LintOptions { SourceRoot = _folder });
        string Where(string file, Marked marked) => string.Join(" ", marked.Positions.Select(p => $"{file}({p})"));
        var found = report.Results.Select(r => $"{r.File.RelativePath}({r.Finding.Span.Start})").ToList();

        // The tfvars value replaces the default, so the default is not reported; the validation entry is a warning.
        Assert.Equal(Where("terraform.tfvars", tfvars) + " " + Where("variables.tf", Marked.Parse(variables.Text.Replace("\"PRIVATE", "⟦\"PRIVATE"))), string.Join(" ", found));
        var validation = report.Results.Single(r => r.File.RelativePath == "variables.tf").Finding;
        Assert.Equal(FindingLevel.Warning, validation.Level);
        Assert.Contains("'PRIVATE'", validation.Message, StringComparison.Ordinal);
        Assert.Equal(FindingLevel.Error, report.Results.Single(r => r.File.RelativePath == "terraform.tfvars").Finding.Level);
    }

    [Fact]
    public void SourceAndPlanJsonOfTheSameConfigurationAgree()
    {
        var source = RuntimeWith("\"chat-agent\"", "\"PRIVATE\"");
        var plan = Marked.Parse("""
            {"format_version":"1.2","terraform_version":"1.12.2","planned_values":{"root_module":{}},
             "resource_changes":[{"address":"aws_bedrockagentcore_agent_runtime.support","mode":"managed","type":"aws_bedrockagentcore_agent_runtime","name":"support",
              "change":{"actions":["create"],"before":null,
               "after":{"agent_runtime_artifact":[{"code_configuration":[],"container_configuration":[{"container_uri":"123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:1.4.2"}]}],
                "agent_runtime_name":"chat-agent","authorizer_configuration":[],"description":null,
                "environment_variables":{"LOG_LEVEL":"INFO","RETRIES":"3"},"filesystem_configuration":[],
                "network_configuration":[{"network_mode":"PRIVATE","network_mode_config":[]}],
                "protocol_configuration":[],"region":"us-east-1","tags":null,"tags_all":{},"timeouts":null},
               "after_unknown":{"role_arn":true,"agent_runtime_arn":true},"after_sensitive":{}}}]}
            """);
        static IEnumerable<string> Summary(IEnumerable<Finding> findings) =>
            findings.Select(f => $"{f.RuleId} {f.Message[..f.Message.IndexOf(',', StringComparison.Ordinal)]}").Order(StringComparer.Ordinal);

        var fromSource = Summary(IacHarness.Lint(source, "main.tf")).ToList();
        Assert.Equal(2, fromSource.Count);
        Assert.Equal(Summary(IacHarness.Lint(plan, "plan.json")), fromSource);
    }

    [Fact]
    public void AnExplicitFileWithoutAgentCoreResourcesIsNotRecognised()
    {
        var input = Marked.Parse("⟦resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n}\n");
        IacHarness.Expect(input, "main.tf", "ACL0002");
    }

    [Fact]
    public void ASyntaxErrorIsOneParseFindingAtItsPosition()
    {
        var input = Marked.Parse("resource \"aws_bedrockagentcore_memory\" \"m\" {\n  name = ⟦\"unterminated\n}\n");
        IacHarness.Expect(input, "main.tf", "ACL0001");
    }
}

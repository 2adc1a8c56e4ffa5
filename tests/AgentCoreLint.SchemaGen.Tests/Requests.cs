namespace AgentCoreLint.SchemaGen.Tests;

/// <summary>Realistic, valid request documents (the shape of <c>aws bedrock-agentcore-control ... --cli-input-json</c>).</summary>
internal static class Requests
{
    public const string CreateAgentRuntime = """
        {
          "agentRuntimeName": "refund_agent_v2",
          "description": "Handles refund requests for the support desk.",
          "agentRuntimeArtifact": {
            "containerConfiguration": {
              "containerUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/refund-agent:1.4.2"
            }
          },
          "roleArn": "arn:aws:iam::123456789012:role/AgentCoreRuntimeRole",
          "networkConfiguration": {
            "networkMode": "VPC",
            "networkModeConfig": {
              "securityGroups": ["sg-0123456789abcdef0"],
              "subnets": ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
            }
          },
          "protocolConfiguration": { "serverProtocol": "HTTP" },
          "lifecycleConfiguration": { "idleRuntimeSessionTimeout": 900, "maxLifetime": 28800 },
          "authorizerConfiguration": {
            "customJWTAuthorizer": {
              "discoveryUrl": "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc123XyZ/.well-known/openid-configuration",
              "allowedClients": ["3n4b5urk1ft4fl3mg5e5fv1a9c"],
              "allowedScopes": ["refunds/write"]
            }
          },
          "requestHeaderConfiguration": {
            "requestHeaderAllowlist": ["Authorization", "X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant"]
          },
          "environmentVariables": { "LOG_LEVEL": "info", "REFUND_LIMIT_EUR": "250" },
          "filesystemConfigurations": [ { "sessionStorage": { "mountPath": "/mnt/workspace" } } ],
          "clientToken": "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f",
          "tags": { "team": "payments", "cost-center": "4711" }
        }
        """;

    public const string UpdateAgentRuntime = """
        {
          "agentRuntimeId": "refund_agent_v2-AbCdE12345",
          "agentRuntimeArtifact": {
            "codeConfiguration": {
              "code": { "s3": { "bucket": "agent-code-123456789012", "prefix": "refund-agent/deployment_package.zip" } },
              "runtime": "PYTHON_3_12",
              "entryPoint": ["main.py"]
            }
          },
          "roleArn": "arn:aws:iam::123456789012:role/AgentCoreRuntimeRole",
          "networkConfiguration": { "networkMode": "PUBLIC" },
          "metadataConfiguration": { "requireMMDSV2": true },
          "lifecycleConfiguration": { "idleRuntimeSessionTimeout": 600 },
          "environmentVariables": { "LOG_LEVEL": "debug" }
        }
        """;

    public const string CreateHarness = """
        {
          "harnessName": "support_harness",
          "executionRoleArn": "arn:aws:iam::123456789012:role/HarnessExecutionRole",
          "model": {
            "bedrockModelConfig": {
              "modelId": "anthropic.claude-sonnet-4-20250514-v1:0",
              "maxTokens": 4096,
              "temperature": 0.7,
              "topP": 0.9
            }
          },
          "systemPrompt": [ { "text": "You are a careful support agent. Never promise refunds above the limit." } ],
          "tools": [
            {
              "type": "agentcore_browser",
              "name": "web",
              "config": { "agentCoreBrowser": { "browserArn": "arn:aws:bedrock-agentcore:us-east-1:aws:browser/aws.browser.v1" } }
            },
            {
              "type": "remote_mcp",
              "name": "docs",
              "config": { "remoteMcp": { "url": "https://mcp.example.com/mcp", "headers": { "X-Tenant": "acme" } } }
            },
            {
              "type": "inline_function",
              "name": "lookup_order",
              "config": {
                "inlineFunction": {
                  "description": "Looks an order up by its id.",
                  "inputSchema": { "type": "object", "properties": { "orderId": { "type": "string" } }, "required": ["orderId"] }
                }
              }
            }
          ],
          "allowedTools": ["*"],
          "memory": {
            "agentCoreMemoryConfiguration": { "arn": "arn:aws:bedrock-agentcore:us-east-1:123456789012:memory/support_memory-AbCdE12345" }
          },
          "truncation": { "strategy": "sliding_window", "config": { "slidingWindow": { "messagesCount": 40 } } },
          "maxIterations": 20,
          "timeoutSeconds": 600,
          "tags": { "team": "support" }
        }
        """;

    public const string CreateBrowser = """
        {
          "name": "research_browser",
          "description": "Browser for the research agent, with recordings kept for audits.",
          "executionRoleArn": "arn:aws:iam::123456789012:role/BrowserExecutionRole",
          "networkConfiguration": { "networkMode": "PUBLIC" },
          "recording": { "enabled": true, "s3Location": { "bucket": "agent-recordings-123456789012", "prefix": "browser/" } },
          "browserSigning": { "enabled": true },
          "enterprisePolicies": [
            { "location": { "s3": { "bucket": "agent-config-123456789012", "prefix": "policies/chrome.json" } }, "type": "MANAGED" }
          ],
          "certificates": [
            { "location": { "secretsManager": { "secretArn": "arn:aws:secretsmanager:us-east-1:123456789012:secret:corp-root-ca-AbCdEf" } } }
          ],
          "tags": { "team": "research" }
        }
        """;

    public const string CreateCodeInterpreter = """
        {
          "name": "data_analysis",
          "description": "Sandboxed Python for the analytics agent.",
          "executionRoleArn": "arn:aws:iam::123456789012:role/CodeInterpreterRole",
          "networkConfiguration": {
            "networkMode": "VPC",
            "vpcConfig": { "securityGroups": ["sg-0a1b2c3d"], "subnets": ["subnet-0a1b2c3d4e5f67890"] }
          },
          "clientToken": "c0ffee00-1234-4abc-9def-0123456789ab"
        }
        """;

    public const string CreateEvaluator = """
        {
          "evaluatorName": "helpfulness_judge",
          "level": "TRACE",
          "evaluatorConfig": {
            "llmAsAJudge": {
              "instructions": "Rate how helpful the answer is.",
              "ratingScale": { "numerical": [ { "definition": "Not helpful", "value": 0, "label": "poor" }, { "definition": "Helpful", "value": 1, "label": "good" } ] },
              "modelConfig": {
                "bedrockEvaluatorModelConfig": {
                  "modelId": "anthropic.claude-sonnet-4-20250514-v1:0",
                  "inferenceConfig": { "maxTokens": 512, "temperature": 0.2 }
                }
              }
            }
          }
        }
        """;

    public const string CreateGatewayTarget = """
        {
          "gatewayIdentifier": "support-gateway-a1b2c3d4e5",
          "name": "order-tools",
          "description": "Order lookup tools backed by a Lambda function.",
          "targetConfiguration": {
            "mcp": {
              "lambda": {
                "lambdaArn": "arn:aws:lambda:us-east-1:123456789012:function:order-tools",
                "toolSchema": {
                  "inlinePayload": [
                    {
                      "name": "find_orders",
                      "description": "Finds a customer's orders.",
                      "inputSchema": {
                        "type": "object",
                        "properties": {
                          "customerId": { "type": "string", "description": "The customer." },
                          "filter": {
                            "type": "object",
                            "properties": {
                              "statuses": { "type": "array", "items": { "type": "string" } },
                              "since": { "type": "integer" }
                            }
                          }
                        },
                        "required": ["customerId"]
                      },
                      "outputSchema": { "type": "array", "items": { "type": "object", "properties": { "orderId": { "type": "string" } } } }
                    }
                  ]
                }
              }
            }
          },
          "credentialProviderConfigurations": [ { "credentialProviderType": "GATEWAY_IAM_ROLE" } ]
        }
        """;
}

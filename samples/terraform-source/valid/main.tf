# A support agent on AgentCore Runtime, in VPC mode, with its API key in AgentCore Identity.
locals {
  agent_name = "support_agent"
}

resource "aws_bedrockagentcore_agent_runtime" "support" {
  agent_runtime_name = local.agent_name
  description        = "Answers support tickets"
  role_arn           = aws_iam_role.agent.arn

  agent_runtime_artifact {
    container_configuration {
      container_uri = "${aws_ecr_repository.agent.repository_url}:${var.image_tag}"
    }
  }

  network_configuration {
    network_mode = var.network_mode
    dynamic "network_mode_config" {
      for_each = var.network_mode == "VPC" ? [1] : []
      content {
        subnets         = var.subnet_ids
        security_groups = [aws_security_group.agent.id]
      }
    }
  }

  authorizer_configuration {
    custom_jwt_authorizer {
      discovery_url   = "https://cognito-idp.us-east-1.amazonaws.com/${aws_cognito_user_pool.users.id}/.well-known/openid-configuration"
      allowed_clients = [aws_cognito_user_pool_client.app.id]
    }
  }

  environment_variables = {
    LOG_LEVEL             = "INFO"
    MAX_RETRIES           = 3
    API_KEY_PROVIDER_NAME = aws_bedrockagentcore_api_key_credential_provider.search.name
  }
}

resource "awscc_bedrockagentcore_runtime_endpoint" "live" {
  agent_runtime_id = aws_bedrockagentcore_agent_runtime.support.agent_runtime_id
  name             = "live"
}

variable "image_tag" {
  type    = string
  default = "1.5.0"
}

variable "network_mode" {
  type    = string
  default = "VPC"
  validation {
    condition     = contains(["PUBLIC", "VPC"], var.network_mode)
    error_message = "network_mode must be PUBLIC or VPC."
  }
}

variable "subnet_ids" {
  type    = list(string)
  default = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
}

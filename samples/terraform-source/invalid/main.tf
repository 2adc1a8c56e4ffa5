# Common mistakes in Terraform for AgentCore: each is reported at the line that causes it.
resource "aws_bedrockagentcore_agent_runtime" "chat" {
  agent_runtime_name = "chat-agent"
  role_arn           = aws_iam_role.agent.arn

  agent_runtime_artifact {
    container_configuration {
      container_uri = var.image_uri
    }
  }

  network_configuration {
    network_mode = var.network_mode
  }

  authorizer_configuration {
    custom_jwt_authorizer {
      discovery_url = "https://login.example.com/.well-known/openid_configuration"
    }
  }

  environment_variables = {
    LOG_LEVEL      = "INFO"
    SEARCH_API_KEY = var.search_api_key
  }
}

resource "aws_bedrockagentcore_code_interpreter" "sandbox" {
  name = "sandbox"
  network_configuration {
    network_mode = var.network_mode
  }
}

variable "image_uri" {
  type = string
}

variable "network_mode" {
  type    = string
  default = "PUBLIC"
  validation {
    condition     = contains(["PUBLIC", "PRIVATE"], var.network_mode)
    error_message = "network_mode must be PUBLIC or PRIVATE."
  }
}

variable "search_api_key" {
  type      = string
  sensitive = true
}

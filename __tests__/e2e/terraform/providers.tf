# The AWS provider pointed at `kms-vault-mock serve`: var.endpoint is the server's URL.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }
}

variable "endpoint" {
  type = string
}

locals {
  # Any credentials: serve's default --auth lenient acts as the account root for unknown access keys.
  access_key = "AKIAIOSFODNN7EXAMPLE"
  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
}

provider "aws" {
  region                      = "us-east-1"
  access_key                  = local.access_key
  secret_key                  = local.secret_key
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
  endpoints {
    kms = var.endpoint
  }
}

# A second Region for replica keys: the same server answers every Region (the request's signature names it).
provider "aws" {
  alias                       = "west"
  region                      = "eu-west-1"
  access_key                  = local.access_key
  secret_key                  = local.secret_key
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
  endpoints {
    kms = var.endpoint
  }
}

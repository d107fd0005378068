# Every KMS resource and data source of the AWS provider, against kms-vault-mock serve.

variable "description" {
  type    = string
  default = "terraform main key"
}

variable "environment" {
  type    = string
  default = "test"
}

# aws_kms_key with all its arguments (custom_key_store_id and xks_key_id: the keys in custom key stores below).
resource "aws_kms_key" "main" {
  description                        = var.description
  key_usage                          = "ENCRYPT_DECRYPT"
  customer_master_key_spec           = "SYMMETRIC_DEFAULT"
  deletion_window_in_days            = 7
  is_enabled                         = true
  enable_key_rotation                = true
  rotation_period_in_days            = 90
  multi_region                       = false
  bypass_policy_lockout_safety_check = false
  policy = jsonencode({
    Version = "2012-10-17"
    Id      = "main"
    Statement = [{
      Sid       = "Enable IAM User Permissions"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
  tags = {
    Environment = var.environment
  }
}

resource "aws_kms_alias" "main" {
  name          = "alias/terraform-main"
  target_key_id = aws_kms_key.main.key_id
}

resource "aws_kms_key" "signing" {
  description              = "terraform signing key"
  key_usage                = "SIGN_VERIFY"
  customer_master_key_spec = "ECC_NIST_P256"
  deletion_window_in_days  = 7
}

resource "aws_kms_key" "policed" {
  description             = "terraform key with a separate policy"
  deletion_window_in_days = 7
}

resource "aws_kms_key_policy" "policed" {
  key_id = aws_kms_key.policed.id
  # On destroy the provider puts back a default policy naming the account root, which it does not know
  # with skip_requesting_account_id (KMS refuses `arn:aws:iam:::root`, and the provider retries that for
  # minutes); with the check bypassed it leaves the policy as it is (the provider's documentation).
  bypass_policy_lockout_safety_check = true
  policy = jsonencode({
    Version = "2012-10-17"
    Id      = "policed"
    Statement = [{
      Sid       = "Root"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}

resource "aws_kms_grant" "main" {
  name               = "terraform-grant"
  key_id             = aws_kms_key.main.key_id
  grantee_principal  = "arn:aws:iam::111122223333:role/terraform-grantee"
  retiring_principal = "arn:aws:iam::111122223333:role/terraform-retiree"
  operations         = ["Encrypt", "Decrypt", "GenerateDataKey"]
  constraints {
    encryption_context_equals = {
      Department = "Finance"
    }
  }
}

resource "aws_kms_key" "multi_region" {
  description             = "terraform multi-Region primary key"
  multi_region            = true
  deletion_window_in_days = 7
}

resource "aws_kms_replica_key" "multi_region" {
  provider                = aws.west
  description             = "terraform multi-Region replica key"
  primary_key_arn         = aws_kms_key.multi_region.arn
  deletion_window_in_days = 7
}

resource "aws_kms_external_key" "external" {
  description             = "terraform key with imported key material"
  key_material_base64     = "Wblj06fduthWggmsT0cLVoIMOkeLbc2kVfMud77i/JY="
  enabled                 = true
  multi_region            = true
  deletion_window_in_days = 7
  tags = {
    Environment = var.environment
  }
}

resource "aws_kms_replica_external_key" "external" {
  provider                = aws.west
  description             = "terraform replica with imported key material"
  primary_key_arn         = aws_kms_external_key.external.arn
  key_material_base64     = "Wblj06fduthWggmsT0cLVoIMOkeLbc2kVfMud77i/JY="
  enabled                 = true
  deletion_window_in_days = 7
}

resource "aws_kms_ciphertext" "secret" {
  key_id    = aws_kms_alias.main.name
  plaintext = "terraform plaintext"
  context = {
    purpose = "terraform"
  }
}

resource "aws_kms_custom_key_store" "xks" {
  custom_key_store_name  = "terraform-xks"
  custom_key_store_type  = "EXTERNAL_KEY_STORE"
  xks_proxy_connectivity = "PUBLIC_ENDPOINT"
  xks_proxy_uri_endpoint = "https://xks.terraform.example.com"
  xks_proxy_uri_path     = "/kms/xks/v1"
  xks_proxy_authentication_credential {
    access_key_id         = "ABCDE234567EXAMPLEAB"
    raw_secret_access_key = "DXjSUawnel2fr6SKC7G25CNxTyWKE5PF9XX6H/u9pSo="
  }
}

# Keys in custom key stores. A key can be created only in a CONNECTED store, and the provider has no
# resource that connects one (ConnectCustomKeyStore), so these stores are in scenario.json, already
# CONNECTED, with fixed ids.
resource "aws_kms_key" "xks" {
  description             = "terraform key in an external key store"
  custom_key_store_id     = "cks-1234567890abcdef0"
  xks_key_id              = "terraform-external-key-1"
  deletion_window_in_days = 7
}

resource "aws_kms_key" "cloudhsm" {
  description             = "terraform key in a CloudHSM key store"
  custom_key_store_id     = "cks-234567890abcdef01"
  deletion_window_in_days = 7
}

data "aws_kms_key" "by_alias" {
  key_id = aws_kms_alias.main.name
  # Read again after the key changes, not at plan time from the key as it was.
  depends_on = [aws_kms_key.main]
}

data "aws_kms_alias" "main" {
  name = aws_kms_alias.main.name
}

# The AWS managed key of a service: listed by ListAliases without a key, created by DescribeKey.
data "aws_kms_alias" "s3" {
  name = "alias/aws/s3"
}

data "aws_kms_public_key" "signing" {
  key_id = aws_kms_key.signing.arn
}

data "aws_kms_ciphertext" "secret" {
  key_id    = aws_kms_key.main.key_id
  plaintext = "terraform data plaintext"
}

data "aws_kms_secrets" "secret" {
  secret {
    name    = "resource"
    payload = aws_kms_ciphertext.secret.ciphertext_blob
    context = {
      purpose = "terraform"
    }
  }
  secret {
    name    = "data"
    payload = data.aws_kms_ciphertext.secret.ciphertext_blob
  }
}

output "main_key_id" {
  value = aws_kms_key.main.key_id
}

output "s3_target_key_arn" {
  value = data.aws_kms_alias.s3.target_key_arn
}

output "public_key_spec" {
  value = data.aws_kms_public_key.signing.customer_master_key_spec
}

output "secrets" {
  value     = data.aws_kms_secrets.secret.plaintext
  sensitive = true
}

output "by_alias_description" {
  value = data.aws_kms_key.by_alias.description
}

output "replica_external_key_arn" {
  value = aws_kms_replica_external_key.external.arn
}

output "replica_key_arn" {
  value = aws_kms_replica_key.multi_region.arn
}

output "grant_id" {
  value = aws_kms_grant.main.grant_id
}

output "custom_key_store_id" {
  value = aws_kms_custom_key_store.xks.id
}

output "xks_key_id" {
  value = aws_kms_key.xks.key_id
}

output "cloudhsm_key_id" {
  value = aws_kms_key.cloudhsm.key_id
}

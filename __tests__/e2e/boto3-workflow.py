"""A boto3 client's view of `kms-vault-mock serve`: run by __tests__/e2e/boto3.test.ts.

Usage: python3 boto3-workflow.py ENDPOINT_URL ACCESS_KEY_ID SECRET_ACCESS_KEY
Prints one JSON object with what each step observed; the jest test asserts on it.
"""
import base64
import json
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint, access_key, secret_key = sys.argv[1:4]
kms = boto3.client(
    "kms",
    endpoint_url=endpoint,
    region_name="eu-west-1",
    aws_access_key_id=access_key,
    aws_secret_access_key=secret_key,
    config=Config(retries={"max_attempts": 1, "mode": "standard"}),
)
out = {}

key = kms.create_key(Description="boto3 key")["KeyMetadata"]
out["keyArn"] = key["Arn"]
out["creationDateType"] = type(key["CreationDate"]).__name__
dest = kms.create_key()["KeyMetadata"]
kms.create_alias(AliasName="alias/boto3-dest", TargetKeyId=dest["KeyId"])

enc = kms.encrypt(KeyId=key["KeyId"], Plaintext=b"boto3 secret", EncryptionContext={"app": "e2e"})
re = kms.re_encrypt(
    CiphertextBlob=enc["CiphertextBlob"],
    SourceEncryptionContext={"app": "e2e"},
    DestinationKeyId="alias/boto3-dest",
)
dec = kms.decrypt(CiphertextBlob=re["CiphertextBlob"])
out["reEncryptedKeyId"] = re["KeyId"]
out["decrypted"] = dec["Plaintext"].decode()
out["decryptedKeyId"] = dec["KeyId"]

dk = kms.generate_data_key(KeyId="alias/boto3-dest", KeySpec="AES_256")
out["dataKeyLength"] = len(dk["Plaintext"])

signing = kms.create_key(KeySpec="ECC_NIST_P256", KeyUsage="SIGN_VERIFY")["KeyMetadata"]
sig = kms.sign(KeyId=signing["KeyId"], Message=b"message", SigningAlgorithm="ECDSA_SHA_256")
ver = kms.verify(KeyId=signing["KeyId"], Message=b"message", Signature=sig["Signature"], SigningAlgorithm="ECDSA_SHA_256")
out["signatureValid"] = ver["SignatureValid"]

pages = kms.get_paginator("list_keys").paginate(PaginationConfig={"PageSize": 1})
out["pagedKeys"] = sum(len(page["Keys"]) for page in pages)

errors = {}
for name, call in {
    "notFound": lambda: kms.describe_key(KeyId="alias/does-not-exist"),
    "invalidCiphertext": lambda: kms.decrypt(CiphertextBlob=b"not a ciphertext"),
    "validation": lambda: kms.generate_random(NumberOfBytes=2000),
}.items():
    try:
        call()
        errors[name] = None
    except ClientError as e:
        errors[name] = {
            "code": e.response["Error"]["Code"],
            "message": e.response["Error"].get("Message", ""),
            "status": e.response["ResponseMetadata"]["HTTPStatusCode"],
            "text": str(e),
        }
out["errors"] = errors
print(json.dumps(out))

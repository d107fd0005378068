import type { GenerateMacRequest, GenerateMacResponse, MacAlgorithmSpec } from '@aws-sdk/client-kms';
import type { OperationContext } from '../engine/context';
import { authorize } from '../auth/authorize';
import { hmac } from '../crypto/hmac';
import { requireKeyState } from '../vault/key-state-rules';
import { resolveKey } from '../vault/resolve-key';
import { requireMacAlgorithm } from './algorithm-rules';
import { blob, bytesOf, endDryRun, requireKeyUsage } from './shared';

/**
 * The HMAC (RFC 2104) of a message under an HMAC key, with the one MAC algorithm its key spec supports.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateMac.html
 */
export function generateMac(context: OperationContext, input: GenerateMacRequest): GenerateMacResponse {
  const key = resolveKey(context, input.KeyId as string, { aliases: true });
  authorize(context, 'kms:GenerateMac', key);
  requireKeyState('GenerateMac', key);
  requireKeyUsage(key, 'GENERATE_VERIFY_MAC', 'GenerateMac');
  const algorithm = input.MacAlgorithm as MacAlgorithmSpec;
  const hash = requireMacAlgorithm(key, algorithm);
  endDryRun(input);
  const mac = hmac(hash, key.currentMaterial.secret, bytesOf(input.Message as Uint8Array));
  return { Mac: blob(mac), MacAlgorithm: algorithm, KeyId: key.arn };
}

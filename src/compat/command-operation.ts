import { OPERATION_NAMES, type OperationName } from '../contract/generated';
import type { SentCommand } from './aws-command';

const KNOWN = new Set<string>(OPERATION_NAMES);
const KMS_NAMESPACE = 'com.amazonaws.kms';

/**
 * The KMS operation a command instance stands for, or undefined for a command of another service.
 * The class name gives the operation (`EncryptCommand` is `Encrypt`). Other services have
 * operations of the same name (`ListKeys`), so where the SDK carries the operation schema on the
 * command (recent versions: `[kind, namespace, name, ...]`) its namespace must be KMS's.
 */
export function commandOperation(command: unknown): OperationName | undefined {
  if (typeof command !== 'object' || command === null) return undefined;
  const className = commandName(command);
  if (!className.endsWith('Command')) return undefined;
  const name = className.slice(0, -'Command'.length);
  if (!KNOWN.has(name)) return undefined;
  const schema = (command as SentCommand).schema;
  if (Array.isArray(schema) && typeof schema[1] === 'string' && schema[1] !== KMS_NAMESPACE) return undefined;
  return name as OperationName;
}

/** The class name of a command instance, for messages. */
export function commandName(command: unknown): string {
  if (typeof command !== 'object' || command === null) return String(command);
  const ctor: unknown = (command as { constructor?: unknown }).constructor;
  return typeof ctor === 'function' && ctor.name ? ctor.name : 'an object';
}

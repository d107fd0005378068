import type { SinonStub } from 'sinon';

/**
 * What Sinon marks its stubs and spies with: `client.send` has `isSinonProxy: true` while a
 * `mockClient` replaces it, and not once the mock is restored. aws-sdk-client-mock's tests read it
 * through this type, from its `sinon` module.
 */
export interface MaybeSinonProxy {
  isSinonProxy?: boolean;
}

/** True when `value` is a Sinon stub or spy that can be restored, as `client.send` is while a `mockClient` replaces it. */
export function isSinonStub(value: unknown): value is SinonStub<unknown[], unknown> {
  return typeof value === 'function' && (value as MaybeSinonProxy).isSinonProxy === true && typeof (value as { restore?: unknown }).restore === 'function';
}

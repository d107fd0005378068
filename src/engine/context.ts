// Moved to src/context/operation-context.ts; this re-export goes once every import is updated.
export type { Caller, OperationContext, OperationHandler, RecipientAttestationFacts, RequestFacts } from '../context/operation-context';

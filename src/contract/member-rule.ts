/** A validation rule for one input member, as derived from the KMS model. */
export interface MemberRule {
  readonly name: string;
  readonly type: string;
  readonly required?: boolean;
  /** Values of sensitive and blob members are never echoed in validation messages. */
  readonly sensitive?: boolean;
  readonly length?: { readonly min?: number; readonly max?: number };
  readonly range?: { readonly min?: number; readonly max?: number };
  readonly pattern?: string;
  readonly enum?: readonly string[];
  /** List item rule. */
  readonly member?: Omit<MemberRule, 'name'> & { readonly structure?: string };
  /** Nested structure name, for `structure` members. */
  readonly structure?: string;
  readonly key?: Omit<MemberRule, 'name'>;
  readonly value?: Omit<MemberRule, 'name'>;
}

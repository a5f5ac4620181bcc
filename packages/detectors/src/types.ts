/** Every type a detector may report. `custom` is reserved for deployment-configured deny terms. */
export const ENTITY_TYPES = [
  'person_name',
  'organization',
  'address',
  'email',
  'phone',
  'api_key',
  'bearer_token',
  'jwt',
  'private_key',
  'url_credentials',
  'credit_card',
  'iban',
  'us_ssn',
  'cn_resident_id',
  'ip_address',
  'custom',
] as const;

export type EntityType = (typeof ENTITY_TYPES)[number];

/** Types whose exposure grants access to something: blocked by default, and they win overlaps. */
export const SECRET_TYPES: ReadonlySet<EntityType> = new Set([
  'api_key',
  'bearer_token',
  'jwt',
  'private_key',
  'url_credentials',
]);

export function isEntityType(value: string): value is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(value);
}

/** One sensitive span. Offsets are UTF-16 code units into the string given to `detect`, end exclusive. */
export interface Finding {
  start: number;
  end: number;
  type: EntityType;
  /** Id of the detector that produced it, e.g. `email` or `secret.openai`. */
  detector: string;
  /** Confidence in [0, 1]; used only to break ties between equal-priority overlapping findings. */
  score: number;
  /**
   * The span's edges come from the text's own structure (a table cell, a field value): within its priority
   * class it outranks a longer finding that runs across those edges.
   */
  bounded?: true;
}

export type Language = 'en' | 'zh' | 'mixed';

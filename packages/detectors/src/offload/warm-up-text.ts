/** Synthetic text touching every detector family, so a fresh worker compiles and loads everything once. */
export const WARM_UP_TEXT =
  'Dear Dr. Alice Warmup of Example Holdings Inc., call +1 (415) 555-0100 or mail alice@example.com ' +
  'about 12 Sample Street, Springfield, IL 62704. 请联系张伟先生，北京市朝阳区建国路1号。 key sk-warmup';

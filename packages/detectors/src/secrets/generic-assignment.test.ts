import { describe, expect, it } from 'vitest';
import { genericAssignmentDetector } from './generic-assignment.ts';
import { scalesLinearly, spans } from './test-helpers.ts';

const VALUE = 'Q7vX2pLm9RkT4wZsN8bY';

describe('genericAssignmentDetector', () => {
  it('finds secret-named assignments in several syntaxes', () => {
    expect(spans(genericAssignmentDetector, `API_KEY=${VALUE}`)).toEqual([VALUE]);
    expect(spans(genericAssignmentDetector, `"client_secret": "${VALUE}",`)).toEqual([VALUE]);
    expect(spans(genericAssignmentDetector, `db_password: '${VALUE}'`)).toEqual([VALUE]);
    expect(spans(genericAssignmentDetector, `const authToken := "${VALUE}"`)).toEqual([VALUE]);
  });

  it('ignores placeholders, references, ids and public values', () => {
    for (const text of [
      'api_key = "changeme"',
      'API_KEY=${API_KEY}',
      'password = "<your-password>"',
      `client_id = "${VALUE}"`,
      `public_key = "${VALUE}"`,
      'token_url = "https://example.org/token"',
      'secret_name = "PROD_DB_SECRET"',
      'api_key = "xxxxxxxxxxxxxxxx"',
      'The key = the answer to everything',
    ]) {
      expect(spans(genericAssignmentDetector, text), text).toEqual([]);
    }
  });

  it('stays linear on adversarial input', () => {
    for (const unit of ['key=', 'token ', 'a', 'secret_key: "', '=']) {
      expect(scalesLinearly(genericAssignmentDetector, unit), unit).toBe(true);
    }
  });
});

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

  it('finds a chosen password (words, digits and a symbol) and an access key id under its own name', () => {
    expect(spans(genericAssignmentDetector, '{"password": "Tern_B4@2031may"}')).toEqual(['Tern_B4@2031may']);
    expect(spans(genericAssignmentDetector, 'mysql --user=ops --password=Brisk!Fjord77')).toEqual([
      'Brisk!Fjord77',
    ]);
    expect(spans(genericAssignmentDetector, 'aws_access_key_id: "Q7VX2PLM9RKT4WZSN8BY"')).toEqual([
      'Q7VX2PLM9RKT4WZSN8BY',
    ]);
    // A chosen password needs a symbol and a digit; an id or a plain word is no password.
    expect(spans(genericAssignmentDetector, 'password: "changeme"\nsession_key_id: "ORDERS2024"')).toEqual(
      [],
    );
  });

  it('does not read a Go test result as a password', () => {
    expect(spans(genericAssignmentDetector, '--- PASS: TestParseMandate/de_basic (0.00s)')).toEqual([]);
    expect(spans(genericAssignmentDetector, '--- FAIL: TestParseMandate/fr_lower (0.01s)')).toEqual([]);
  });

  it('reads aligned assignments with many spaces before the operator', () => {
    expect(spans(genericAssignmentDetector, `  db_password        = "${VALUE}"`)).toEqual([VALUE]);
    expect(spans(genericAssignmentDetector, `client_secret\t\t\t: ${VALUE}`)).toEqual([VALUE]);
    // A newline still separates a name from the next line's text.
    expect(spans(genericAssignmentDetector, `db_password\n\n\n\n\n     = "${VALUE}"`)).toEqual([]);
  });

  it('reads flags, subscripts, Objective-C and C-style literals', () => {
    const hex = '0f1e2d3c'.repeat(8);
    expect(spans(genericAssignmentDetector, `--acme-api-key ${hex}`)).toEqual([hex]);
    expect(spans(genericAssignmentDetector, `--acme-api-key "${hex}"`)).toEqual([hex]);
    expect(spans(genericAssignmentDetector, `some_dict["secret"] = "${VALUE}"`)).toEqual([VALUE]);
    expect(spans(genericAssignmentDetector, `apikey[] = @"${VALUE}"`)).toEqual([VALUE]);
    expect(spans(genericAssignmentDetector, `private_key '${VALUE}';`)).toEqual([VALUE]);
    expect(spans(genericAssignmentDetector, `db_pw = ${VALUE}`)).toEqual([VALUE]);
  });

  it('keeps brackets that belong to a generated password, drops those that close the code', () => {
    const password = 'R7{x}(b9)[q]<zT>-_$#v{{w2}}';
    expect(spans(genericAssignmentDetector, `the_password = "${password}"`)).toEqual([password]);
    expect(spans(genericAssignmentDetector, `connect(user, password=${VALUE})`)).toEqual([VALUE]);
    expect(spans(genericAssignmentDetector, `GET /x?api_key=${VALUE}&page=2`)).toEqual([VALUE]);
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
      // A Postman variable list: the "key" field holds a camelCase variable name.
      '{ "key": "merchantId", "value": "1234" }',
      'api_key = "xxxxxxxxxxxxxxxx"',
      'The key = the answer to everything',
      'password: ${link}',
      'my_password = True',
      'my_password = foo(hey)you',
      'login(username=username, password=password)',
      'theapikey := "somefakekey"',
      'apiKey: this.apiKey,',
      'private_key "${FOO}";',
      'the key "not an assignment"',
      // One stray symbol in a key-shaped value: a mangled sample, not a key.
      `token = '${VALUE.slice(0, 8)}?${VALUE.slice(8)}'`,
      'ibm_api_key: pqrs9876pqrs9876pqrs9876PQRS9876PQRS9876',
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

import { describe, expect, it } from 'vitest';
import { scalingRatio } from '../test-support/scaling.ts';
import { analyzeEnglishEntities } from './analyze.ts';
import { isTechnical } from './tech-context.ts';
import { all, found } from './test-helpers.ts';
import { codePunctuationCount, tokenize, toolWordCount } from './tokenize.ts';

function technicalText(text: string): boolean {
  tokenize(text);
  return isTechnical(codePunctuationCount(), toolWordCount());
}

/** A few lines of code that make any text around them technical. */
const CODE = '```ts\nconst total = items.reduce((a, b) => a + b.qty, 0);\nif (x) { y[0] = z; }\n```\n';

describe('technicalText', () => {
  it('is true for code, configs and prose naming several developer tools', () => {
    expect(technicalText(CODE)).toBe(true);
    expect(technicalText('DB_HOST=db1\nDB_USER=app\nDB_NAME=orders\n')).toBe(true);
    expect(technicalText('We moved from Redis to Memcached last spring.')).toBe(true);
  });
  it('is false for news, chat and quoted mail', () => {
    expect(technicalText('Marta Quinlan met the mayor of Leeds on Friday (see page 4).')).toBe(false);
    expect(technicalText('> Olek Brandvold\n> Tidewater Freight\n> 12 Harbor Road')).toBe(false);
  });
});

describe('developer tools and code identifiers', () => {
  it('does not take tool and product names for people or organizations', () => {
    const text =
      'The Apache Kafka consumer lags, Elasticsearch returns 503 and Redis is slow. NATS JetStream?';
    expect(all(text)).toEqual([]);
    expect(all('Should I use Postgres or Kubernetes for this?')).toEqual([]);
    // An identity provider id in a config, and messaging or support shorthand in capitals.
    expect(all('"identityProviders": [{ "alias": "google", "providerId": "google" }]')).toEqual([]);
    expect(all('We sent the OTP by SMS; the MSP on call checked the EHIC scan.')).toEqual([]);
  });
  it('keeps a tool word that is also a name as a name outside technical text', () => {
    expect(found('Yesterday I had lunch with Jenkins and his sister.', 'person_name')).toEqual(['Jenkins']);
    expect(found(`${CODE}Our Jenkins job fails since Monday.`, 'person_name')).toEqual([]);
  });
  it('keeps a listed given name before a tool word a person ("Ruby Okafor")', () => {
    expect(found(`${CODE}Ruby Okafor wrote the Rails migration.`, 'person_name')).toEqual(['Ruby Okafor']);
  });
  it('reads camel-case identifiers as code, not people, but keeps Mc/Mac/De names', () => {
    expect(found('Why does SettlementResult return null here?', 'person_name')).toEqual([]);
    expect(found('I met Ronald McDonald and DeShawn Pryor there.', 'person_name')).toEqual([
      'Ronald McDonald',
      'DeShawn Pryor',
    ]);
  });
  it('skips words glued to underscores, digits, tags, calls and member access', () => {
    const text =
      'Set LF_REDIS_ADDR and DE298374615, then BigDecimal.ZERO, <Spinner /> and Lexer(input) in code.';
    expect(all(text)).toEqual([]);
    // Only the glued word leaves a longer run.
    expect(found('Shares of Quarrow Systems Inc Q2 fell.', 'organization')).toEqual(['Quarrow Systems Inc']);
  });
  it('reads unknown acronyms as shorthand in technical text, as organizations in prose', () => {
    expect(found(`${CODE}We hit the CDC lag again and the SRE on call paged me.`, 'organization')).toEqual(
      [],
    );
    expect(found('Shares rose after VRNX reported earnings.', 'organization')).toEqual(['VRNX']);
  });
  it('does not take a technical head word for an organization ("curl -X POST")', () => {
    expect(found(`${CODE}curl -s -X POST -H 'Accept: application/json' $URL`, 'organization')).toEqual([]);
  });
  it('does not take a lone unknown capitalized word for a name in technical text', () => {
    expect(found(`${CODE}Lockfile is up to date. Strimzi runs it.`, 'person_name')).toEqual([]);
  });
  it('keeps a lone word that an earlier name of the technical text holds', () => {
    const text = `${CODE}Attendees: Priyanka Desai, Olek Brandvold\nLater Priyanka proposes automerge.`;
    expect(found(text, 'person_name')).toEqual(['Priyanka Desai', 'Olek Brandvold', 'Priyanka']);
  });
});

describe('names and organizations in code, logs and fields', () => {
  it('finds names in field values, quoted or not', () => {
    expect(found(`${CODE}c = Contact(first_name="Heike", last_name="Vogelsang")`, 'person_name')).toEqual([
      'Heike',
      'Vogelsang',
    ]);
    expect(found(`${CODE}**Requester:** Anneliese Krüger`, 'person_name')).toEqual(['Anneliese Krüger']);
  });
  it('finds git authors after an abbreviated hash and before their address', () => {
    const log = `${CODE}9c1e4fa Tomasz Wieczorek <tw@example.com>\n    fix: retry\n7aa4e30 Wen Jiahui <wj@example.com>`;
    expect(found(log, 'person_name')).toEqual(['Tomasz Wieczorek', 'Wen Jiahui']);
  });
  it('still reads a street after a house number as no person', () => {
    expect(found('Send it to 4417 Harlow Brennan please.', 'person_name')).toEqual([]);
  });
  it('reads the value of an organization field as an organization', () => {
    expect(found('**Organization:** Stadtwerke Lübeck\n**Plan:** Enterprise', 'organization')).toEqual([
      'Stadtwerke Lübeck',
    ]);
  });
  it('splits two organizations joined by "and", each with its head word', () => {
    expect(found('It runs at Corvid Analytics and Bluefin Insurance today.', 'organization')).toEqual([
      'Corvid Analytics',
      'Bluefin Insurance',
    ]);
    expect(found('They sued Quarrow Holdings Inc and Lear Corp in May.', 'organization')).toEqual([
      'Quarrow Holdings Inc',
      'Lear Corp',
    ]);
  });
  it('keeps one organization with "and" inside whole', () => {
    expect(
      found('A grant from the State Law and Order Restoration Council came late.', 'organization'),
    ).toEqual(['State Law and Order Restoration Council']);
  });
});

describe('speed on code', () => {
  it('stays linear on long technical text full of identifiers and names', () => {
    const unit =
      'class PaymentClient { retry = 3; } // by Olek Brandvold <ob@x.io>\nSettlementResult.ok(LF_REDIS_ADDR); Strimzi Priyanka Desai Priyanka\n';
    const make = (n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
    expect(scalingRatio(analyzeEnglishEntities, make(100_000), make(1_000_000), 200)).toBeLessThan(45);
  }, 60_000);
});

describe('fixtures and comparisons', () => {
  it('reads "A vs B" as teams only when both sides are names or a date list', () => {
    // Codex CLI's instructions: a heading comparing two ideas in a text that mentions match scores elsewhere.
    expect(all('## Ambition vs. precision\n\nThe match ended 2-1, so aim high.')).toEqual([]);
    expect(found('Chelsea vs. Arsenal ended 2-1.', 'organization')).toEqual(['Chelsea', 'Arsenal']);
    expect(found('Fixtures: August 16-18 v Kent ( three days )', 'organization')).toEqual(['Kent']);
  });
  it('reads a lone all-capitals word as an acronym or keyword, not a name (Claude Code system prompt)', () => {
    const text =
      'Patterns per project type (CLI, server, TUI, Electron).\nSKIP only when asked. Built on the Agent SDK.';
    expect(found(text, 'person_name')).toEqual([]);
    // Names in capitals still count where a cue or a headline makes them names.
    expect(found('Signed by Dr. MARIA Lopez', 'person_name')).toEqual(['MARIA Lopez']);
  });
});

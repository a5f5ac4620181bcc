import { describe, expect, it } from 'vitest';
import { createPolicy, PolicyConfigError, policyConfigFromEnv } from './index.ts';

describe('createPolicy', () => {
  it('blocks secrets and masks everything else by default', () => {
    const policy = createPolicy();
    for (const type of ['api_key', 'bearer_token', 'jwt', 'private_key', 'url_credentials'] as const) {
      expect(policy.actionFor(type)).toBe('block');
    }
    for (const type of [
      'email',
      'phone',
      'person_name',
      'organization',
      'address',
      'iban',
      'custom',
    ] as const) {
      expect(policy.actionFor(type)).toBe('mask');
    }
  });

  it('combines findings: block beats route_local beats mask beats allow', () => {
    const policy = createPolicy({ email: 'allow', phone: 'route_local' });
    expect(policy.decide([]).action).toBe('allow');
    expect(policy.decide(['email']).action).toBe('allow');
    expect(policy.decide(['email', 'person_name']).action).toBe('mask');
    expect(policy.decide(['person_name', 'phone']).action).toBe('route_local');
    const decision = policy.decide(['phone', 'api_key', 'email', 'api_key']);
    expect(decision.action).toBe('block');
    expect(decision.typesByAction).toEqual({
      allow: ['email'],
      mask: [],
      route_local: ['phone'],
      block: ['api_key'],
    });
  });
});

describe('policyConfigFromEnv', () => {
  it('reads per-type actions case-insensitively', () => {
    expect(
      policyConfigFromEnv({
        STRONK_GATEWAY_EMAIL_ACTION: 'ALLOW',
        STRONK_GATEWAY_PERSON_NAME_ACTION: 'route-local',
        STRONK_GATEWAY_API_KEY_ACTION: 'mask',
        STRONK_GATEWAY_PORT: '8787',
      }),
    ).toEqual({ email: 'allow', person_name: 'route_local', api_key: 'mask' });
  });

  it('names the variable when the action is unknown', () => {
    expect(() => policyConfigFromEnv({ STRONK_GATEWAY_PHONE_ACTION: 'redact-ish' })).toThrow(
      /STRONK_GATEWAY_PHONE_ACTION/,
    );
  });

  it('names the variable when the type is unknown', () => {
    try {
      policyConfigFromEnv({ STRONK_GATEWAY_PASSPORT_ACTION: 'mask' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PolicyConfigError);
      expect((error as PolicyConfigError).variable).toBe('STRONK_GATEWAY_PASSPORT_ACTION');
    }
  });
});

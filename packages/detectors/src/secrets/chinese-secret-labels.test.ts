import { describe, expect, it } from 'vitest';
import { chineseSecretLabelDetector } from './chinese-secret-labels.ts';
import { scalesLinearly, spans } from './test-helpers.ts';

// Invented values; none is a real credential.
describe('chineseSecretLabelDetector', () => {
  it('reads a password or key after a Chinese label, with a colon, 是/为 or a space', () => {
    expect(spans(chineseSecretLabelDetector, '账号 deploy，密码 Gz#2024hn_Dep!，老的周五下线')).toEqual([
      'Gz#2024hn_Dep!',
    ]);
    expect(spans(chineseSecretLabelDetector, '数据库密码：Kx9#mPq2vL')).toEqual(['Kx9#mPq2vL']);
    expect(spans(chineseSecretLabelDetector, '登录口令: Hn@2024_ops')).toEqual(['Hn@2024_ops']);
    expect(spans(chineseSecretLabelDetector, 'root 密钥是 Tq4Wm8Zr2Xn6Bv9L。')).toEqual(['Tq4Wm8Zr2Xn6Bv9L']);
  });

  it('leaves words, weak or placeholder values and unlabelled text alone', () => {
    for (const text of [
      '请修改密码后登录',
      '密码 123456',
      '密钥：changeme123',
      '密码：$DB_PASSWORD',
      '密码：<your-password>',
      '忘记密码 forgot password',
      'Kx9#mPq2vL',
    ]) {
      expect(spans(chineseSecretLabelDetector, text), text).toEqual([]);
    }
  });

  it('stays linear on adversarial input', () => {
    expect(scalesLinearly(chineseSecretLabelDetector, '密码：')).toBe(true);
    expect(scalesLinearly(chineseSecretLabelDetector, '密码 Gz#2024hn_Dep!,')).toBe(true);
    expect(scalesLinearly(chineseSecretLabelDetector, '密码是 ')).toBe(true);
  });
});

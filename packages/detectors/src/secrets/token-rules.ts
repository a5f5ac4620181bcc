import type { EntityType } from '../types.ts';
import { PUBLISHED_GOOGLE_SAMPLE_KEYS } from './published-sample-keys.ts';

/**
 * A provider token format. `prefixes` are literals every match starts with; the detector finds them all
 * in one combined scan and only then runs `pattern` (sticky) at each hit, so adding rules costs
 * almost nothing on text without those literals.
 */
export interface PrefixRule {
  readonly id: string;
  readonly prefixes: readonly string[];
  /** Sticky (`y`) regex matched exactly at the prefix position. */
  readonly pattern: RegExp;
  /** Minimum Shannon entropy (bits/char) of the whole match. */
  readonly minEntropy?: number;
  /** Matches of this are documentation stand-ins for the format. */
  readonly reject?: RegExp;
  /** Allow a digit right before the prefix (some tokens are pasted after counters). */
  readonly digitBefore?: boolean;
  readonly type?: EntityType;
  readonly validate?: (match: string) => boolean;
}

/**
 * A format whose distinctive literal sits inside the token (`|` of a Facebook app token, `:AA` of a
 * Telegram bot token). The pattern is run on a window of `back` chars before and `ahead` after the hint.
 */
export interface InfixRule {
  readonly id: string;
  readonly hints: readonly string[];
  readonly back: number;
  readonly ahead: number;
  /** Global (`g`) regex; a match must contain the hint position. */
  readonly pattern: RegExp;
  readonly minEntropy?: number;
  readonly type?: EntityType;
}

const B64 = 'A-Za-z0-9+/';

function decodeBase64(value: string): string {
  try {
    return Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1');
  } catch {
    return '';
  }
}

export const PREFIX_RULES: readonly PrefixRule[] = [
  // --- AI providers
  {
    id: 'openai',
    prefixes: ['sk-'],
    pattern: /sk-(?:(?:proj|svcacct|admin|None)-)?[A-Za-z0-9_-]{16,180}?T3BlbkFJ[A-Za-z0-9_-]{16,180}/y,
  },
  {
    id: 'anthropic',
    prefixes: ['sk-ant-'],
    pattern: /sk-ant-(?:api|admin|sid|oat|ort)\d{2}-[A-Za-z0-9_-]{80,120}AA/y,
  },
  { id: 'openrouter', prefixes: ['sk-or-'], pattern: /sk-or-v\d-[a-f0-9]{64}/y },
  { id: 'deepseek', prefixes: ['sk-'], pattern: /sk-[a-f0-9]{32}/y, minEntropy: 3.2 },
  { id: 'groq', prefixes: ['gsk_'], pattern: /gsk_[A-Za-z0-9]{52}/y },
  { id: 'huggingface', prefixes: ['hf_'], pattern: /hf_[A-Za-z]{34}/y, minEntropy: 3 },
  { id: 'huggingface-org', prefixes: ['api_org_'], pattern: /api_org_[A-Za-z]{34}/y, minEntropy: 3 },
  { id: 'perplexity', prefixes: ['pplx-'], pattern: /pplx-[A-Za-z0-9]{48}/y },
  { id: 'xai', prefixes: ['xai-'], pattern: /xai-[A-Za-z0-9]{80}/y },
  { id: 'replicate', prefixes: ['r8_'], pattern: /r8_[A-Za-z0-9]{37}/y, minEntropy: 3.5 },
  { id: 'langsmith', prefixes: ['lsv2_'], pattern: /lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}/y },
  // --- Source hosting / CI
  {
    id: 'github',
    prefixes: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    pattern: /gh[pousr]_[A-Za-z0-9]{36,255}/y,
  },
  {
    id: 'github-fine-grained',
    prefixes: ['github_pat_'],
    pattern: /github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}/y,
  },
  {
    id: 'gitlab',
    prefixes: [
      'glpat-',
      'glptt-',
      'glrt-',
      'gldt-',
      'glft-',
      'glsoat-',
      'glcbt-',
      'glimt-',
      'glagent-',
      'gloas-',
    ],
    pattern:
      /gl(?:pat|ptt|rt|dt|ft|soat|cbt|imt|agent|oas)-[A-Za-z0-9_-]{20,64}(?:\.[A-Za-z0-9_-]{2,16}\.[a-z0-9]{9})?/y,
  },
  {
    id: 'gitlab-runner-registration',
    prefixes: ['GR1348941'],
    pattern: /GR1348941[A-Za-z0-9_-]{20}/y,
    minEntropy: 3,
  },
  { id: 'npm', prefixes: ['npm_'], pattern: /npm_[A-Za-z0-9]{36}/y, minEntropy: 3 },
  { id: 'pypi', prefixes: ['pypi-AgEIcHlwaS5vcmc'], pattern: /pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000}/y },
  { id: 'rubygems', prefixes: ['rubygems_'], pattern: /rubygems_[a-f0-9]{48}/y },
  { id: 'clojars', prefixes: ['CLOJARS_'], pattern: /CLOJARS_[a-z0-9]{60}/y },
  { id: 'docker-hub', prefixes: ['dckr_pat_', 'dckr_oat_'], pattern: /dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,}/y },
  { id: 'buildkite', prefixes: ['bkua_'], pattern: /bkua_[a-f0-9]{40}/y },
  { id: 'circleci', prefixes: ['CCIPAT_'], pattern: /CCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40}/y },
  {
    id: 'sourcegraph',
    prefixes: ['sgp_'],
    pattern: /sgp_(?:[a-fA-F0-9]{16}|local)_[a-fA-F0-9]{40}|sgp_[a-fA-F0-9]{40}/y,
    minEntropy: 3,
  },
  { id: 'sonar', prefixes: ['squ_', 'sqp_', 'sqa_'], pattern: /sq[upa]_[A-Za-z0-9]{40}/y },
  { id: 'snyk-or-postman', prefixes: ['PMAK-'], pattern: /PMAK-[a-f0-9]{24}-[a-f0-9]{34}/y },
  { id: 'pulumi', prefixes: ['pul-'], pattern: /pul-[a-f0-9]{40}/y },
  { id: 'terraform-cloud', prefixes: ['atlasv1.'], pattern: /atlasv1\.[A-Za-z0-9_=-]{60,70}/y },
  { id: 'octopus-deploy', prefixes: ['API-'], pattern: /API-[A-Z0-9]{26}/y, minEntropy: 3.5 },
  { id: 'linear', prefixes: ['lin_api_', 'lin_oauth_'], pattern: /lin_(?:api|oauth)_[A-Za-z0-9]{40,64}/y },
  { id: 'notion', prefixes: ['ntn_'], pattern: /ntn_\d{11}[A-Za-z0-9]{35}/y },
  { id: 'figma', prefixes: ['figd_', 'figu_'], pattern: /fig[du]_[A-Za-z0-9_-]{40,}/y },
  {
    id: 'vercel',
    prefixes: ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'],
    pattern: /vc[pciark]_[A-Za-z0-9]{24,}/y,
  },
  { id: 'readme', prefixes: ['rdme_'], pattern: /rdme_[a-z0-9]{70}/y },
  { id: 'prefect', prefixes: ['pnu_'], pattern: /pnu_[A-Za-z0-9]{36}/y },
  { id: 'infracost', prefixes: ['ico-'], pattern: /ico-[A-Za-z0-9]{32}/y, validate: (m) => /[A-Z]/.test(m) },
  { id: 'scalingo', prefixes: ['tk-us-'], pattern: /tk-us-[A-Za-z0-9_-]{48}/y },
  {
    id: 'tailscale',
    prefixes: ['tskey-'],
    pattern: /tskey-[a-z]{2,12}-[A-Za-z0-9]{6,}-[A-Za-z0-9]{16,}/y,
    digitBefore: true,
  },
  { id: 'intra42', prefixes: ['s-s4t2'], pattern: /s-s4t2(?:ud|af)-[a-f0-9]{64}/y },
  {
    id: 'age',
    prefixes: ['AGE-SECRET-KEY-1'],
    pattern: /AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}/y,
    type: 'private_key',
  },
  // --- Cloud
  {
    id: 'aws-access-key',
    prefixes: ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'A3T'],
    pattern: /(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}/y,
    reject: /EXAMPLE$/,
    minEntropy: 3,
  },
  {
    id: 'aws-bedrock-long-lived',
    prefixes: ['ABSKQmVkcm9ja0FQSUtleS'],
    pattern: new RegExp(`ABSKQmVkcm9ja0FQSUtleS[${B64}]{100,200}={0,2}`, 'y'),
  },
  {
    id: 'aws-bedrock-short-lived',
    prefixes: ['bedrock-api-key-'],
    pattern: new RegExp(`bedrock-api-key-[${B64}]{20,}={0,2}`, 'y'),
    validate: (m) => decodeBase64(m.slice(16)).startsWith('bedrock.amazonaws.com'),
  },
  {
    id: 'gcp-api-key',
    prefixes: ['AIza'],
    pattern: /AIza[A-Za-z0-9_-]{35}/y,
    minEntropy: 3.5,
    validate: (m) => !PUBLISHED_GOOGLE_SAMPLE_KEYS.has(m),
  },
  { id: 'google-oauth-secret', prefixes: ['GOCSPX-'], pattern: /GOCSPX-[A-Za-z0-9_-]{28}/y },
  { id: 'google-oauth-access', prefixes: ['ya29.'], pattern: /ya29\.[A-Za-z0-9_-]{30,}/y, minEntropy: 3.5 },
  { id: 'alibaba', prefixes: ['LTAI'], pattern: /LTAI[A-Za-z0-9]{20}/y, minEntropy: 3.5 },
  { id: 'digitalocean', prefixes: ['dop_v1_', 'doo_v1_', 'dor_v1_'], pattern: /do[por]_v1_[a-f0-9]{64}/y },
  { id: 'databricks', prefixes: ['dapi'], pattern: /dapi[a-fA-F0-9]{32}(?:-\d)?/y, minEntropy: 3 },
  {
    id: 'doppler',
    prefixes: ['dp.pt.', 'dp.st.', 'dp.sa.', 'dp.ct.', 'dp.scim.', 'dp.audit.'],
    pattern: /dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9_.-]{40,50}/y,
  },
  { id: 'dropbox', prefixes: ['sl.'], pattern: /sl\.[A-Za-z0-9_-]{130,152}/y, minEntropy: 4 },
  { id: 'dynatrace', prefixes: ['dt0c01.'], pattern: /dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}/y },
  { id: 'cloudflare', prefixes: ['cfat_', 'cfut_', 'cfk_'], pattern: /cf(?:at|ut|k)_[A-Za-z0-9]{48}/y },
  { id: 'cloudflare-origin-ca', prefixes: ['v1.0-'], pattern: /v1\.0-[a-f0-9]{24}-[a-f0-9]{146}/y },
  {
    id: 'flyio',
    prefixes: ['fo1_', 'fm1r_', 'fm1a_', 'fm2_'],
    pattern: /(?:fo1_[A-Za-z0-9_-]{43}|fm(?:1[ar]|2)_[A-Za-z0-9+/]{100,}={0,3})/y,
  },
  { id: 'heroku-v2', prefixes: ['HRKU-'], pattern: /HRKU-[A-Za-z0-9_-]{58,60}/y },
  {
    id: 'vault-service',
    prefixes: ['hvs.', 'hvb.', 'hvr.'],
    pattern: /hv[sbr]\.[A-Za-z0-9_-]{24,400}/y,
    minEntropy: 3.5,
  },
  {
    id: 'grafana-cloud',
    prefixes: ['glc_'],
    pattern: new RegExp(`glc_[${B64}]{32,400}={0,2}`, 'y'),
    minEntropy: 3,
  },
  { id: 'grafana-service-account', prefixes: ['glsa_'], pattern: /glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}/y },
  {
    id: 'grafana-api-key',
    prefixes: ['eyJrIjoi'],
    pattern: new RegExp(`eyJrIjoi[${B64}]{70,400}={0,2}`, 'y'),
  },
  {
    id: 'atlassian',
    prefixes: ['ATATT3', 'ATCTT3', 'ATOAT'],
    pattern: /AT(?:ATT3|CTT3|OAT)[A-Za-z0-9_=-]{100,260}/y,
  },
  {
    id: 'jfrog',
    prefixes: ['AKCp', 'cmVmd'],
    pattern: /(?:AKCp[A-Za-z0-9]{69}|cmVmd[A-Za-z0-9]{59})/y,
    minEntropy: 3.5,
  },
  { id: 'azure-storage', prefixes: ['AccountKey='], pattern: new RegExp(`AccountKey=[${B64}]{86}==`, 'y') },
  {
    id: 'newrelic',
    prefixes: ['NRAK-', 'NRJS-', 'NRII-', 'NRAA-'],
    pattern: /NR(?:AK|JS|II|AA)-[A-Za-z0-9]{19,42}/y,
    minEntropy: 3.2,
  },
  { id: 'planetscale', prefixes: ['pscale_'], pattern: /pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_.=-]{32,64}/y },
  {
    id: 'supabase',
    prefixes: ['sbp_', 'sb_secret_'],
    pattern: /(?:sbp_[a-f0-9]{40}|sb_secret_[A-Za-z0-9_-]{20,})/y,
  },
  { id: 'contentful', prefixes: ['CFPAT-'], pattern: /CFPAT-[A-Za-z0-9_-]{43}/y },
  { id: 'airtable', prefixes: ['pat'], pattern: /pat[A-Za-z0-9]{14}\.[a-f0-9]{64}/y },
  {
    id: 'harness',
    prefixes: ['pat.', 'sat.'],
    pattern: /[ps]at\.[A-Za-z0-9_-]{22}\.[a-f0-9]{24}\.[A-Za-z0-9]{20}/y,
  },
  { id: 'deno', prefixes: ['ddp_', 'ddw_'], pattern: /dd[pw]_[A-Za-z0-9]{36}/y },
  { id: 'mapbox-secret', prefixes: ['sk.eyJ'], pattern: /sk\.eyJ[A-Za-z0-9_-]{50,}\.[A-Za-z0-9_-]{20,}/y },
  {
    id: 'yandex',
    prefixes: ['AQVN', 'YC'],
    pattern: /(?:AQVN[A-Za-z0-9_-]{35,38}|YC[A-Za-z0-9_-]{38})/y,
    minEntropy: 4,
  },
  // --- Messaging / payments / SaaS
  {
    id: 'slack',
    prefixes: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxo-', 'xoxs-', 'xoxr-', 'xoxe-'],
    pattern: /xox[bpaosre]-(?:\d-)?\d{6,14}(?:-[0-9A-Za-z]{2,64}){1,6}/y,
    validate: (m) => m.length >= 24,
  },
  {
    id: 'slack-config',
    prefixes: ['xoxe.xox', 'xoxe-'],
    pattern: /(?:xoxe\.xox[bp]|xoxe)-\d-[A-Za-z0-9]{100,200}/y,
  },
  {
    id: 'slack-app',
    prefixes: ['xapp-'],
    pattern: /xapp-\d-[A-Z0-9]+-\d+(?:-[a-z0-9]+)?/y,
    validate: (m) => m.length >= 28,
  },
  {
    id: 'slack-webhook',
    prefixes: ['hooks.slack.com/'],
    pattern: /hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/]{20,120}/y,
  },
  {
    id: 'discord-webhook',
    prefixes: ['discord.com/api/webhooks/', 'discordapp.com/api/webhooks/'],
    pattern: /discord(?:app)?\.com\/api\/webhooks\/\d{17,20}\/[A-Za-z0-9_-]{60,70}/y,
  },
  {
    id: 'stripe',
    prefixes: ['sk_live_', 'sk_test_', 'sk_prod_', 'rk_live_', 'rk_test_', 'rk_prod_', 'whsec_'],
    pattern: /(?:[sr]k_(?:live|test|prod)_[A-Za-z0-9]{24,247}|whsec_[A-Za-z0-9]{32,})/y,
  },
  {
    id: 'square',
    prefixes: ['sq0atp-', 'sq0csp-', 'EAAA'],
    pattern: /(?:sq0atp-[A-Za-z0-9_-]{22}|sq0csp-[A-Za-z0-9_-]{43}|EAAA[A-Za-z0-9_+=-]{60})/y,
    minEntropy: 3,
  },
  { id: 'facebook-page', prefixes: ['EAAM', 'EAAC'], pattern: /EAA[MC][A-Za-z0-9]{100,}/y },
  {
    id: 'shopify',
    prefixes: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    pattern: /shp(?:at|ca|pa|ss)_[A-Za-z0-9]{32,40}/y,
  },
  { id: 'sendgrid', prefixes: ['SG.'], pattern: /SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}/y },
  {
    id: 'sendinblue',
    prefixes: ['xkeysib-', 'xsmtpsib-'],
    pattern: /x(?:keysib|smtpsib)-[a-f0-9]{64}-[A-Za-z0-9]{16}/y,
  },
  { id: 'twilio', prefixes: ['SK'], pattern: /SK[0-9a-f]{32}/y, minEntropy: 3.2 },
  { id: 'mailgun', prefixes: ['key-'], pattern: /key-[0-9a-f]{32}/y, minEntropy: 3.2 },
  {
    id: 'sentry',
    prefixes: ['sntrys_', 'sntryu_'],
    pattern: /(?:sntrys_eyJ[A-Za-z0-9_+/=-]{40,}|sntryu_[a-f0-9]{64})/y,
  },
  { id: 'shippo', prefixes: ['shippo_live_', 'shippo_test_'], pattern: /shippo_(?:live|test)_[a-f0-9]{40}/y },
  {
    id: 'duffel',
    prefixes: ['duffel_test_', 'duffel_live_'],
    pattern: /duffel_(?:test|live)_[A-Za-z0-9_-]{43}/y,
  },
  { id: 'flutterwave', prefixes: ['FLWSECK'], pattern: /FLWSECK(?:_TEST)?-[a-h0-9]{32}-X/y },
  { id: 'typeform', prefixes: ['tfp_'], pattern: /tfp_[A-Za-z0-9_.=-]{59}/y },
  { id: 'easypost', prefixes: ['EZAK', 'EZTK'], pattern: /EZ[AT]K[A-Za-z0-9]{54}/y },
  { id: 'mailchimp-like', prefixes: ['mcp_'], pattern: /mcp_[A-Za-z0-9]{40,}/y, minEntropy: 4 },
  { id: 'adobe', prefixes: ['p8e-'], pattern: /p8e-[A-Za-z0-9]{32}/y, minEntropy: 3.5 },
  { id: 'frameio', prefixes: ['fio-u-'], pattern: /fio-u-[A-Za-z0-9_=-]{64}/y },
  {
    id: 'onepassword-service-account',
    prefixes: ['ops_eyJ'],
    pattern: new RegExp(`ops_eyJ[${B64}]{250,}={0,3}`, 'y'),
  },
  {
    id: 'onepassword-secret-key',
    prefixes: ['A3-'],
    pattern: /A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}/y,
    minEntropy: 3,
  },
  { id: 'openshift', prefixes: ['sha256~'], pattern: /sha256~[A-Za-z0-9_-]{43}/y },
  { id: 'clickhouse', prefixes: ['4b1d'], pattern: /4b1d[A-Za-z0-9]{38}/y, minEntropy: 3.5 },
  { id: 'heroku-uuid-style-cli', prefixes: ['HRKU-AA'], pattern: /HRKU-AA[A-Za-z0-9_-]{58}/y },
  {
    id: 'bundler-credentials',
    prefixes: ['BUNDLE_'],
    pattern:
      /BUNDLE_[A-Z0-9_]{1,60}__[A-Z0-9_]{1,60}["']?\s{0,3}[=:]\s{0,3}["']?[A-Za-z0-9._~-]{2,64}:[A-Za-z0-9._~-]{4,128}/y,
  },
];

export const INFIX_RULES: readonly InfixRule[] = [
  {
    id: 'telegram-bot',
    hints: [':AA'],
    back: 12,
    ahead: 40,
    pattern: /(?<![0-9])\d{8,10}:AA[A-Za-z0-9_-]{33}(?![A-Za-z0-9_-])/g,
  },
  {
    id: 'facebook-app-token',
    hints: ['|'],
    back: 16,
    ahead: 40,
    pattern: /(?<![0-9])\d{15,16}\|[A-Za-z0-9_-]{27}(?![A-Za-z0-9_-])/g,
    minEntropy: 3.5,
  },
  {
    id: 'azure-ad-client-secret',
    hints: ['Q~'],
    back: 4,
    ahead: 40,
    pattern: /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/g,
    minEntropy: 3.5,
  },
  {
    id: 'maxmind',
    hints: ['_mmk'],
    back: 40,
    ahead: 4,
    pattern: /(?<![A-Za-z0-9_])[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk(?![A-Za-z0-9_])/g,
  },
  {
    id: 'terraform-cloud-full',
    hints: ['.atlasv1.'],
    back: 14,
    ahead: 80,
    pattern: /(?<![A-Za-z0-9])[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}(?![A-Za-z0-9_=-])/g,
  },
  {
    id: 'mailchimp',
    hints: ['-us'],
    back: 32,
    ahead: 3,
    pattern: /(?<![A-Za-z0-9])[0-9a-f]{32}-us\d{1,2}(?![A-Za-z0-9])/g,
  },
];

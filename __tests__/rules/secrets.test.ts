import { describe, expect, it } from 'vitest';
import { secretsIn } from '../../src/rules/authentication/secrets.js';

// secretsIn skips texts without a candidate (CANDIDATE): each format must still be found, where it is.
const ALNUM = 'Jq8xK2pLm9vRt4wYz7bNc3dFg6hQs1aEu5iOo0TaB7cD9eF1gH3jK5mN7pQ9rS';
const TOKENS: [string, string][] = [
  ['an AWS access key', 'AKIAIOSFODNN7EXAMPLQ'],
  ['a GitHub token', `ghp_${ALNUM.slice(0, 36)}`],
  ['a GitHub token', `github_pat_${ALNUM.slice(0, 50)}`],
  ['a Slack token', 'xoxb-1234567890-abcdefghij'],
  ['a Google API key', `AIza${ALNUM.slice(0, 35)}`],
  ['an OpenAI-style secret key', `sk-proj-${ALNUM.slice(0, 32)}`],
  ['a Stripe live key', `rk_live_${ALNUM.slice(0, 20)}`],
  ['a private key', '-----BEGIN OPENSSH PRIVATE KEY-----'],
  ['a JSON Web Token', `eyJ${ALNUM.slice(0, 12)}.eyJ${ALNUM.slice(12, 24)}.${ALNUM.slice(24, 40)}`],
  ['an Azure storage account key', `AccountKey=${ALNUM.slice(0, 44)}==`],
  ['a Microsoft Entra client secret', `abc8Q~${ALNUM.slice(0, 32)}`],
];

describe('secretsIn', () => {
  it.each(TOKENS)('finds %s at its offset', (what, token) => {
    const text = `Call it with\n  ${token} and nothing else.`;
    expect(secretsIn(text)).toEqual([{ what, offset: text.indexOf(token), length: token.length }]);
  });
  it('finds assignments whatever the letter case of the keyword', () => {
    const value = ALNUM.slice(0, 24);
    for (const [keyword, what] of [['CLIENT_SECRET=', 'a client secret value'], ['Api-Key: "', 'an api key value'], ['access token ', 'an access token value'], ['BeArEr ', 'a bearer value']]) {
      const text = `Send ${keyword}${value} to sign in.`;
      expect(secretsIn(text), keyword).toEqual([{ what, offset: text.indexOf(value), length: value.length }]);
    }
  });
  it('finds nothing in text without credentials', () => {
    expect(secretsIn('The task-list key is "ask-for-it"; the token is <your token>.')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { MAYBE_RUNNER_SENSITIVE, inertForRunner, inertJson } from '../../src/report/text.js';

describe('MAYBE_RUNNER_SENSITIVE (the fast pre-check of inertJson and inertForRunner)', () => {
  it('matches every BMP code point the full Unicode-property pattern changes, so skipping is safe', () => {
    const full = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/u;
    const missed: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      // Tab and line breaks are never changed (JSON.stringify escapes them inside strings anyway).
      if ((code >= 0xd800 && code <= 0xdfff) || code === 9 || code === 10 || code === 13) continue;
      const char = String.fromCharCode(code);
      if (full.test(char) && !MAYBE_RUNNER_SENSITIVE.test(char)) missed.push(code.toString(16));
    }
    expect(missed).toEqual([]);
    // Astral characters (tags, musical format controls…) are caught by their high surrogate.
    expect(MAYBE_RUNNER_SENSITIVE.test('\u{E0001}')).toBe(true);
  });

  it('leaves ordinary text alone and still neutralises what it must', () => {
    const plain = '{"message":"the title \\u00e9 — 230×230"}\n';
    expect(MAYBE_RUNNER_SENSITIVE.test(plain)).toBe(false);
    expect(inertJson(plain)).toBe(plain);
    expect(inertJson('{"m":"##[error]x"}')).toBe('{"m":"##\\u005berror]x"}');
    expect(inertJson('{"m":"a\u200bb"}')).toBe('{"m":"a\\u200bb"}');
    // Pure ASCII takes a shortcut that only looks for DEL and ##[: both still change.
    expect(inertJson('{"m":"a\u007fb ##[x"}')).toBe('{"m":"a\\u007fb ##\\u005bx"}');
    expect(inertJson('{"m":"a#b[c::d"}')).toBe('{"m":"a#b[c::d"}');
    expect(inertForRunner('  ::error::x')).toBe('\uFFFD  ::error::x');
  });
});

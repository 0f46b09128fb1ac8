import { describe, expect, it } from 'vitest';
import { compileGlob, escapeGlob } from '../../src/config/glob.js';

describe('glob', () => {
  it.each([
    ['certified-connectors/Contoso*', 'certified-connectors/Contoso Frames', true],
    ['certified-connectors/Contoso*', 'certified-connectors/Fabrikam', false],
    ['certified-connectors/Contoso*', 'certified-connectors/Contoso/Nested', false],
    ['certified-connectors/*', 'certified-connectors/A', true],
    ['*', 'a/b', false],
    ['*', '.hidden', true],
    ['a/**', 'a', true],
    ['a/**', 'a/b/c', true],
    ['a/**', 'ab', false],
    ['**/b', 'b', true],
    ['**/b', 'x/y/b', true],
    ['**/b', 'x/yb', false],
    ['a/**/b', 'a/b', true],
    ['a/**/b', 'a/x/y/b', true],
    ['a/**/b', 'a/xb', false],
    ['a/**/**/b', 'a/x/b', true],
    ['**', '.', true],
    ['**', 'any/thing', true],
    ['a?c', 'abc', true],
    ['a?c', 'a/c', false],
    ['[ab]x', 'bx', true],
    ['[ab]x', 'cx', false],
    ['[!ab]x', 'cx', true],
    ['[!ab]x', 'ax', false],
    ['[a-c]', 'b', true],
    ['[!a]', '/', false],
    ['{Contoso,Fabrikam}*', 'Fabrikam Frames', true],
    ['{Contoso,Fabrikam}*', 'Northwind', false],
    ['x/{a,b/c}', 'x/b/c', false],
    ['a\\*', 'a*', true],
    ['a\\*', 'ab', false],
    ['[', '[', true],
    ['{a', '{a', true],
    ['./a/', 'a', true],
    ['Contoso', 'contoso', false],
    ['a.b', 'axb', false],
    ['(x)+', '(x)+', true],
  ])('%s on %s → %s', (pattern, path, expected) => {
    expect(compileGlob(pattern).test(path)).toBe(expected);
  });

  it('knows which patterns are plain paths (for the fast lookup)', () => {
    expect(compileGlob('a/b c/d.json').literal).toBe('a/b c/d.json');
    expect(compileGlob('a/\\*.json').literal).toBe('a/*.json');
    expect(compileGlob('a/*.json').literal).toBeUndefined();
    expect(compileGlob('a/**').literal).toBeUndefined();
  });

  it('escapes a path so that it matches exactly itself', () => {
    for (const path of ['a/[x]/b*.json', 'a/{b,c}/?.json', 'back\\slash']) {
      const glob = compileGlob(escapeGlob(path));
      expect(glob.literal).toBe(path);
      expect(glob.test(path)).toBe(true);
      expect(glob.test(path.replace(/[[\]{}*?\\]/g, 'x'))).toBe(false);
    }
  });

  it('throws on an impossible character range (the config loader reports it with its position)', () => {
    expect(() => compileGlob('[z-a]')).toThrow();
  });
});

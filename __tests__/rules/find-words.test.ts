import { describe, expect, it } from 'vitest';
import { API_WORD, findWords, PRODUCT_NAMES } from '../../src/rules/metadata/shared.js';

// findWords rules texts out by the letters matches start with before its Unicode regex: the
// matches must be those of the Unicode regex alone, case and "ſ" (long s) included.
describe('findWords', () => {
  it('finds product names whatever their case and spacing, in order', () => {
    expect(findWords('Use it from POWERAPPS or Power  Automate, not powerbi2.', PRODUCT_NAMES)).toEqual([
      { found: 'POWERAPPS', word: 'Power Apps', index: 12 },
      { found: 'Power  Automate', word: 'Power Automate', index: 25 },
    ]);
  });
  it('reads "ſ" as "s" as the Unicode regex does', () => {
    expect(findWords('From Microſoft Flow.', PRODUCT_NAMES)).toEqual([{ found: 'Microſoft Flow', word: 'Microsoft Flow', index: 5 }]);
    expect(findWords('The Contoso APIſ.', API_WORD)).toEqual([{ found: 'APIſ', word: 'API', index: 12 }]);
  });
  it('finds nothing inside words or in texts without the words', () => {
    expect(findWords('RapidAPI and apiary, no Power tools', [...API_WORD, ...PRODUCT_NAMES])).toEqual([]);
  });
});

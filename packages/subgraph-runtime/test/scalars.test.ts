import { boundedText } from '../src/scalars';

/** Free text is stored exactly as sent, or refused with a message naming the field: never silently changed by the database. */
describe('boundedText', () => {
  it('keeps whole characters, emoji and combining marks included, trimmed', () => {
    expect(boundedText('  Designated Nurse 😀 e\u0301 \u202E ', 'title', 300)).toBe('Designated Nurse 😀 e\u0301 \u202E');
  });

  it.each([
    ['a high surrogate at the end', 'Designated Nurse \uD83D'],
    ['a low surrogate at the start', '\uDE00 tail'],
    ['a low surrogate in the middle', 'a\uDC00b'],
    ['two high surrogates', '\uD83D\uD83D\uDE00'],
  ])('refuses %s with BAD_USER_INPUT naming the field', (_case, value) => {
    expect(() => boundedText(value, 'title', 300)).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(/^title contains half of a character/),
        extensions: { code: 'BAD_USER_INPUT', field: 'title' },
      }),
    );
  });

  it('still checks emptiness, length and control characters first', () => {
    expect(() => boundedText('   ', 'title', 300)).toThrow(/title must not be empty/);
    expect(() => boundedText('x'.repeat(301), 'title', 300)).toThrow(/at most 300/);
    expect(() => boundedText('a\u0007b', 'title', 300)).toThrow(/control characters/);
  });
});

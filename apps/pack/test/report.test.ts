import { countChanges, formatChange, formatImportSummary, formatRefusal, formatSectionOutcome, formatValidation, type SectionOutcome } from '../src/report';

describe('what the pack command prints', () => {
  it('prints each change entity by entity: + added, ~ changed (with its fields), - ended', () => {
    expect(formatChange({ entity: 'Body', key: 'shropshire.executive', change: 'ADDED', fields: [] })).toBe('+ Body shropshire.executive');
    expect(formatChange({ entity: 'Body', key: 'shropshire.executive', change: 'CHANGED', fields: ['purpose', 'chairRule'] })).toBe(
      '~ Body shropshire.executive (purpose, chairRule)',
    );
    expect(formatChange({ entity: 'Membership', key: 'shropshire.executive/west-mercia-police', change: 'ENDED', fields: [] })).toBe(
      '- Membership shropshire.executive/west-mercia-police',
    );
    expect(
      countChanges([
        { entity: 'Body', key: 'a', change: 'ADDED', fields: [] },
        { entity: 'Body', key: 'b', change: 'ADDED', fields: [] },
        { entity: 'Body', key: 'c', change: 'ENDED', fields: [] },
      ]),
    ).toBe('2 added, 0 changed, 1 ended');
  });

  it('prints a section that applied, would apply, or changed nothing', () => {
    expect(
      formatSectionOutcome({
        section: 'arrangements',
        status: 'applied',
        changes: [
          { entity: 'Partnership', key: 'wyre-forest', change: 'ADDED', fields: [] },
          { entity: 'Body', key: 'wyre-forest.executive', change: 'CHANGED', fields: ['purpose'] },
        ],
      }),
    ).toEqual(['arrangements: applied (2 changes: 1 added, 1 changed, 0 ended)', '  + Partnership wyre-forest', '  ~ Body wyre-forest.executive (purpose)']);
    expect(formatSectionOutcome({ section: 'membership', status: 'would apply', changes: [] })).toEqual(['membership: would apply, no changes']);
    expect(formatSectionOutcome({ section: 'training', status: 'not attempted' })).toEqual(['training: not attempted (an earlier section was refused)']);
    expect(formatSectionOutcome({ section: 'reviews', status: 'not in the pack' })).toEqual([
      "reviews: not in the pack (no reviews.yaml); the platform's reviews data is left as it is",
    ]);
  });

  it('prints a refusal with its code and message, and each problem of a BAD_USER_INPUT at its line and column', () => {
    const refused: SectionOutcome = {
      section: 'thresholds',
      status: 'refused',
      errors: [
        {
          message: 'The thresholds section has 2 problem(s); nothing was applied.',
          extensions: {
            code: 'BAD_USER_INPUT',
            field: 'text',
            problems: [
              { file: 'shropshire/thresholds.yaml', line: 12, column: 9, field: 'models[0].levels[1].rank', message: 'Expected number, received string' },
              { file: 'shropshire/thresholds.yaml', line: 0, column: 0, field: '', message: 'the file is empty' },
            ],
          },
        },
      ],
    };
    expect(formatSectionOutcome(refused)).toEqual([
      'thresholds: refused; nothing in this section was written',
      '  BAD_USER_INPUT: The thresholds section has 2 problem(s); nothing was applied.',
      '    shropshire/thresholds.yaml:12:9 models[0].levels[1].rank: Expected number, received string',
      '    shropshire/thresholds.yaml: the file is empty',
    ]);
    expect(
      formatRefusal({ message: 'Only a partnership-admin of "solihull" (or a regional-admin) may apply or export it.', extensions: { code: 'FORBIDDEN' } }),
    ).toEqual([
      'FORBIDDEN: Only a partnership-admin of "solihull" (or a regional-admin) may apply or export it.',
      "  Use a regional-admin's token to create a partnership or for the regional pack, or a partnership-admin's of this partnership for its own pack.",
    ]);
    expect(formatRefusal({ message: 'A chair term may not exceed the rule', extensions: { code: 'BAD_USER_INPUT', field: 'bodies[2].chairRule' } })).toEqual([
      'BAD_USER_INPUT: A chair term may not exceed the rule',
      '  field: bodies[2].chairRule',
    ]);
    expect(formatRefusal({ message: 'Unexpected' })).toEqual(['ERROR: Unexpected']);
  });

  it('says what to do about refusals the pack cannot fix: the token, the size limit, an older platform', () => {
    expect(formatRefusal({ message: 'Your token was refused: jwt expired', extensions: { code: 'UNAUTHENTICATED' } })[1]).toMatch(
      /^ {2}Your token was not accepted .*npm run --silent token -- regional-admin \| tail -1\.$/,
    );
    expect(formatRefusal({ message: 'The request is larger than 1mb', extensions: { code: 'PAYLOAD_TOO_LARGE' } })[1]).toMatch(
      /REQUEST_SIZE_LIMIT=10mb npm start/,
    );
    expect(formatRefusal({ message: 'Cannot query field "trainingPackSection" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })[1]).toBe(
      '  This platform does not serve pack sections yet: update it to a version that does.',
    );
    expect(formatRefusal({ message: 'Unknown argument "x".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })).toHaveLength(1);
  });

  it('summarises an import that stopped at a refused section: what applied, what was refused, what was not attempted', () => {
    const outcomes: SectionOutcome[] = [
      { section: 'arrangements', status: 'applied', changes: [{ entity: 'Body', key: 'a', change: 'ADDED', fields: [] }] },
      { section: 'membership', status: 'refused', errors: [{ message: 'no', extensions: { code: 'BAD_USER_INPUT' } }] },
      { section: 'thresholds', status: 'not attempted' },
      { section: 'training', status: 'not in the pack' },
      { section: 'reviews', status: 'not attempted' },
    ];
    expect(formatImportSummary('wyre-forest', outcomes, false)).toEqual([
      'Applied to wyre-forest: arrangements.',
      'Refused (nothing of it written): membership.',
      'Not attempted (they come after a refused section; fix it and import again): thresholds, reviews.',
      'Not in the pack: training.',
      'Changed: 1 added, 0 changed, 0 ended.',
    ]);
  });

  it('summarises a dry run, saying nothing was written and why a later section may be refused', () => {
    const outcomes: SectionOutcome[] = [
      { section: 'arrangements', status: 'would apply', changes: [{ entity: 'Body', key: 'a', change: 'CHANGED', fields: ['name'] }] },
      { section: 'membership', status: 'refused', errors: [{ message: 'no body "a"', extensions: { code: 'BAD_USER_INPUT' } }] },
      { section: 'thresholds', status: 'would apply', changes: [] },
    ];
    const summary = formatImportSummary('wyre-forest', outcomes, true);
    expect(summary[0]).toBe('Dry run of wyre-forest: nothing was written.');
    expect(summary[1]).toBe('Would apply: arrangements, thresholds.');
    expect(summary[2]).toBe('Would be refused: membership.');
    expect(summary[3]).toMatch(/may be refused only because that one was not written/);
    expect(summary[4]).toBe('Would change: 0 added, 1 changed, 0 ended.');
    expect(formatImportSummary('shropshire', [{ section: 'arrangements', status: 'would apply', changes: [] }], true)).toEqual([
      'Dry run of shropshire: nothing was written.',
      'Would apply: arrangements.',
      'Would change: 0 added, 0 changed, 0 ended.',
    ]);
  });

  it('prints validation problems one a line as file:line:column field: message, then the count, or "valid"', () => {
    expect(
      formatValidation('packs/x', [
        { file: 'packs/x/pack.yaml', line: 3, column: 1, field: 'descripton', message: 'not a field here' },
        { file: 'packs/x/notes.yaml', line: 0, column: 0, field: '', message: 'not a section of a pack' },
      ]),
    ).toEqual(['packs/x/pack.yaml:3:1 descripton: not a field here', 'packs/x/notes.yaml: not a section of a pack', 'packs/x: 2 problems']);
    expect(formatValidation('packs/x', [{ file: 'packs/x/pack.yaml', line: 1, column: 1, field: '', message: 'm' }]).at(-1)).toBe('packs/x: 1 problem');
    expect(formatValidation('packs/shropshire', [])).toEqual(['packs/shropshire: valid']);
  });
});

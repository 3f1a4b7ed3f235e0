import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packsDirectory, SUBGRAPH_SECTIONS } from '@safeguarding/packs';
import { run } from '../src/run';
import { capture } from './capture';
import { type Answer, NO_PLATFORM_IDS, operationField, type SentOperation, startGatewayDouble } from './gateway-double';

const TOKEN = 'header.payload.signature';
let scratch: string;

beforeEach(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-command-'));
});
afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

/**
 * A valid partnership pack to import: Shropshire's pack from packs/, each section it does not (yet)
 * have written as an empty section. The double does not read the text; the command must send it
 * unchanged.
 */
function shropshirePack(): string {
  const folder = path.join(scratch, 'shropshire');
  fs.cpSync(path.join(packsDirectory(), 'shropshire'), folder, { recursive: true });
  for (const section of SUBGRAPH_SECTIONS) {
    const file = path.join(folder, `${section}.yaml`);
    if (!fs.existsSync(file)) fs.writeFileSync(file, '{}\n');
  }
  return folder;
}

const applied = (section: string, changes: unknown[] = []) => ({ scope: 'shropshire', section, applied: true, changes });

/** Answers the platform-ids query with nothing, and each apply as `perSection` says. */
function platform(perSection: (field: string, variables: Record<string, unknown>) => { data?: unknown; errors?: unknown[] }): Answer {
  return (operation) => {
    const field = operationField(operation.query);
    if (field === 'partnerships') return { data: NO_PLATFORM_IDS };
    return perSection(field, operation.variables);
  };
}

async function withDouble(answer: Answer, work: (url: string, sent: SentOperation[]) => Promise<void>) {
  const double = await startGatewayDouble(answer);
  try {
    await work(double.url, double.sent);
  } finally {
    await double.stop();
  }
}

describe('pack import, against a gateway double', () => {
  it('applies every section in order, as the caller, with the file text unchanged, and prints each change', async () => {
    const folder = shropshirePack();
    await withDouble(
      platform((field) => {
        const section = field
          .replace(/^apply/, '')
          .replace(/PackSection$/, '')
          .toLowerCase();
        const changes =
          section === 'arrangements'
            ? [
                { entity: 'Body', key: 'shropshire.neglect-group', change: 'ADDED', fields: [] },
                { entity: 'Body', key: 'shropshire.executive', change: 'CHANGED', fields: ['purpose', 'chairRule'] },
              ]
            : section === 'membership'
              ? [{ entity: 'Membership', key: 'shropshire.executive/west-mercia-police', change: 'ENDED', fields: [] }]
              : [];
        return { data: { [field]: applied(section, changes) } };
      }),
      async (url, sent) => {
        const output = capture();
        expect(await run(['import', folder, '--gateway', url, '--token', TOKEN], output, {})).toBe(0);
        const applies = sent.filter((operation) => operation.query.startsWith('mutation'));
        expect(applies.map((operation) => operationField(operation.query))).toEqual([
          'applyArrangementsPackSection',
          'applyMembershipPackSection',
          'applyThresholdsPackSection',
          'applyTrainingPackSection',
          'applyReviewsPackSection',
        ]);
        for (const operation of sent) expect(operation.authorization).toBe(`Bearer ${TOKEN}`);
        expect(applies[1]!.variables).toEqual({ scope: 'shropshire', text: fs.readFileSync(path.join(folder, 'membership.yaml'), 'utf8'), dryRun: false });
        expect(output.lines).toEqual([
          `Importing ${folder} (shropshire) through ${url}`,
          'arrangements: applied (2 changes: 1 added, 1 changed, 0 ended)',
          '  + Body shropshire.neglect-group',
          '  ~ Body shropshire.executive (purpose, chairRule)',
          'membership: applied (1 change: 0 added, 0 changed, 1 ended)',
          '  - Membership shropshire.executive/west-mercia-police',
          'thresholds: applied, no changes',
          'training: applied, no changes',
          'reviews: applied, no changes',
          'Applied to shropshire: arrangements, membership, thresholds, training, reviews.',
          'Changed: 1 added, 1 changed, 1 ended.',
        ]);
      },
    );
  });

  it('imports the regional pack without a training section (the region shares no training)', async () => {
    const folder = path.join(scratch, 'regional');
    fs.mkdirSync(folder);
    fs.copyFileSync(path.join(packsDirectory(), 'regional', 'pack.yaml'), path.join(folder, 'pack.yaml'));
    for (const section of ['arrangements', 'membership', 'thresholds', 'reviews']) {
      const file = path.join(packsDirectory(), 'regional', `${section}.yaml`);
      if (fs.existsSync(file)) fs.copyFileSync(file, path.join(folder, `${section}.yaml`));
      else fs.writeFileSync(path.join(folder, `${section}.yaml`), '{}\n');
    }
    await withDouble(
      platform((field) => ({ data: { [field]: { ...applied('x'), scope: 'regional' } } })),
      async (url, sent) => {
        const output = capture();
        expect(await run(['import', folder, '--gateway', url, '--token', TOKEN], output, {})).toBe(0);
        expect(sent.filter((operation) => operation.query.startsWith('mutation')).map((operation) => operation.variables.scope)).toEqual([
          'regional',
          'regional',
          'regional',
          'regional',
        ]);
        expect(output.lines.at(-2)).toBe('Applied to regional: arrangements, membership, thresholds, reviews.');
      },
    );
  });

  it('stops at the first refused section, prints its problems with line and column, and names the sections not attempted', async () => {
    const folder = shropshirePack();
    await withDouble(
      platform((field) => {
        if (field === 'applyMembershipPackSection') {
          return {
            errors: [
              {
                message: 'The membership section has 1 problem(s); nothing was applied.',
                extensions: {
                  code: 'BAD_USER_INPUT',
                  field: 'text',
                  problems: [{ file: 'shropshire/membership.yaml', line: 4, column: 7, field: 'memberships[0].startDate', message: 'Invalid date' }],
                },
              },
            ],
          };
        }
        return { data: { [field]: applied('arrangements') } };
      }),
      async (url, sent) => {
        const output = capture();
        expect(await run(['import', folder, '--gateway', url], output, { PACK_TOKEN: TOKEN })).toBe(1);
        expect(sent.filter((operation) => operation.query.startsWith('mutation')).map((operation) => operationField(operation.query))).toEqual([
          'applyArrangementsPackSection',
          'applyMembershipPackSection',
        ]);
        expect(output.lines.slice(1)).toEqual([
          'arrangements: applied, no changes',
          'membership: refused; nothing in this section was written',
          '  BAD_USER_INPUT: The membership section has 1 problem(s); nothing was applied.',
          '    shropshire/membership.yaml:4:7 memberships[0].startDate: Invalid date',
          'thresholds: not attempted (an earlier section was refused)',
          'training: not attempted (an earlier section was refused)',
          'reviews: not attempted (an earlier section was refused)',
          'Applied to shropshire: arrangements.',
          'Refused (nothing of it written): membership.',
          'Not attempted (they come after a refused section; fix it and import again): thresholds, training, reviews.',
          'Changed: 0 added, 0 changed, 0 ended.',
        ]);
      },
    );
  });

  it('in a dry run, asks with dryRun true and reports every section, past a refusal', async () => {
    const folder = shropshirePack();
    fs.rmSync(path.join(folder, 'reviews.yaml'));
    await withDouble(
      platform((field, variables) => {
        expect(variables.dryRun).toBe(true);
        if (field === 'applyMembershipPackSection') return { errors: [{ message: 'FORBIDDEN for this caller', extensions: { code: 'FORBIDDEN' } }] };
        return { data: { [field]: { ...applied('x'), applied: false } } };
      }),
      async (url, sent) => {
        const output = capture();
        expect(await run(['import', folder, '--dry-run', '--gateway', url, '--token', TOKEN], output, {})).toBe(1);
        expect(sent.filter((operation) => operation.query.startsWith('mutation'))).toHaveLength(4);
        expect(output.lines).toEqual([
          `Dry run of ${folder} (shropshire) through ${url}`,
          'arrangements: would apply, no changes',
          'membership: refused; nothing in this section was written',
          '  FORBIDDEN: FORBIDDEN for this caller',
          "    Use a regional-admin's token to create a partnership or for the regional pack, or a partnership-admin's of this partnership for its own pack.",
          'thresholds: would apply, no changes',
          'training: would apply, no changes',
          "reviews: not in the pack (no reviews.yaml); the platform's reviews data is left as it is",
          'Dry run of shropshire: nothing was written.',
          'Would apply: arrangements, thresholds, training.',
          'Would be refused: membership.',
          'In a dry run each section is checked against the platform as it is now: a section that needs one before it (a new partnership, new bodies) may be refused only because that one was not written.',
          'Not in the pack: reviews.',
          'Would change: 0 added, 0 changed, 0 ended.',
        ]);
      },
    );
  });

  it('sends nothing to apply when the pack has a problem', async () => {
    await withDouble(
      platform(() => {
        throw new Error('an invalid pack must not be applied');
      }),
      async (url, sent) => {
        const output = capture();
        const folder = path.join(__dirname, 'fixtures', 'section-syntax');
        expect(await run(['import', folder, '--gateway', url, '--token', TOKEN], output, {})).toBe(1);
        expect(sent.map((operation) => operationField(operation.query))).toEqual(['partnerships']);
        expect(output.lines).toEqual([
          `${folder}/membership.yaml:5:1: Flow sequence in block collection must be sufficiently indented and end with a ]`,
          `${folder}: 1 problem`,
          'Nothing was sent to the gateway: correct the pack and import again.',
        ]);
      },
    );
  });

  it('stops, sending nothing to apply, when the gateway will not list its ids', async () => {
    await withDouble(
      () => ({ errors: [{ message: 'Only safelisted operations run here.', extensions: { code: 'OPERATION_NOT_SAFELISTED' } }] }),
      async (url, sent) => {
        const output = capture();
        expect(await run(['import', shropshirePack(), '--gateway', url, '--token', TOKEN], output, {})).toBe(2);
        expect(sent).toHaveLength(1);
        expect(output.errors).toEqual([
          `npm run pack: The gateway at ${url} would not list the ids the pack may refer to (partnerships, bodies, organisations): ` +
            'OPERATION_NOT_SAFELISTED: Only safelisted operations run here. This gateway only runs safelisted operations (PERSISTED_OPERATIONS=safelist): import through a gateway that accepts other operations.',
        ]);
      },
    );
  });

  it('needs a token, and says how to get one', async () => {
    const output = capture();
    expect(await run(['import', shropshirePack(), '--gateway', 'http://127.0.0.1:9/graphql'], output, {})).toBe(2);
    expect(output.errors[0]).toMatch(/^npm run pack: import applies the pack as you, through the gateway, so it needs to know who you are\./);
    expect(output.errors[0]).toContain('export PACK_TOKEN="$(npm run --silent token -- regional-admin | tail -1)"');
  });

  it('says the platform may not be running when the gateway does not answer', async () => {
    const double = await startGatewayDouble(() => ({ data: {} }));
    await double.stop(); // a port nothing listens on now
    const output = capture();
    expect(await run(['import', shropshirePack(), '--gateway', double.url, '--token', TOKEN], output, {})).toBe(2);
    expect(output.errors).toHaveLength(1);
    expect(output.errors[0]).toMatch(
      new RegExp(
        `^npm run pack: The gateway at ${double.url.replace(/[.:/]/g, '\\$&')} did not answer \\(.+\\)\\. Is the platform running\\? Start it with: npm start`,
      ),
    );
  });
});

describe('pack export, against a gateway double', () => {
  const sectionText = (scope: string, section: string) =>
    `# yaml-language-server: $schema=../schema/x.schema.json\n# ${scope} ${section}: “as returned”\nitems: []\n`;
  const exporting: Answer = (operation) => {
    const field = operationField(operation.query);
    const section = field.replace(/PackSection$/, '');
    const scope = operation.variables.scope as string;
    return { data: { [field]: { scope, section, text: sectionText(scope, section) } } };
  };

  it('writes pack.yaml and each section of a partnership exactly as the gateway returns it', async () => {
    await withDouble(exporting, async (url, sent) => {
      const output = capture();
      const folder = path.join(scratch, 'new', 'telford');
      expect(await run(['export', 'telford-and-wrekin', folder, '--gateway', url, '--token', TOKEN], output, {})).toBe(0);
      expect(sent.map((operation) => operationField(operation.query))).toEqual([
        'arrangementsPackSection',
        'membershipPackSection',
        'thresholdsPackSection',
        'trainingPackSection',
        'reviewsPackSection',
      ]);
      expect(fs.readdirSync(folder).sort()).toEqual(['arrangements.yaml', 'membership.yaml', 'pack.yaml', 'reviews.yaml', 'thresholds.yaml', 'training.yaml']);
      expect(fs.readFileSync(path.join(folder, 'pack.yaml'), 'utf8')).toBe(
        '# yaml-language-server: $schema=../schema/pack.schema.json\nscope: telford-and-wrekin\n',
      );
      expect(fs.readFileSync(path.join(folder, 'training.yaml'), 'utf8')).toBe(sectionText('telford-and-wrekin', 'training'));
      expect(output.lines.at(-1)).toBe(`telford-and-wrekin: 5 sections and pack.yaml exported from ${url}`);
    });
  });

  it('exports the regional pack without a training section (the region shares no training)', async () => {
    await withDouble(exporting, async (url, sent) => {
      const folder = path.join(scratch, 'regional');
      expect(await run(['export', 'regional', folder, '--gateway', url, '--token', TOKEN], capture(), {})).toBe(0);
      expect(sent.map((operation) => operationField(operation.query))).not.toContain('trainingPackSection');
      expect(fs.readdirSync(folder).sort()).toEqual(['arrangements.yaml', 'membership.yaml', 'pack.yaml', 'reviews.yaml', 'thresholds.yaml']);
    });
  });

  it('refuses a folder with files in it unless --force, and then overwrites', async () => {
    await withDouble(exporting, async (url, sent) => {
      fs.writeFileSync(path.join(scratch, 'pack.yaml'), 'scope: old\n');
      const refused = capture();
      expect(await run(['export', 'solihull', scratch, '--gateway', url, '--token', TOKEN], refused, {})).toBe(2);
      expect(refused.errors).toEqual([
        `npm run pack: ${scratch} already has files in it; give an empty or new folder, or add --force to overwrite the pack's files there.`,
      ]);
      expect(sent).toEqual([]);
      expect(await run(['export', 'solihull', scratch, '--force', '--gateway', url, '--token', TOKEN], capture(), {})).toBe(0);
      expect(fs.readFileSync(path.join(scratch, 'pack.yaml'), 'utf8')).toContain('scope: solihull');
    });
  });

  it('writes nothing when a section is refused', async () => {
    await withDouble(
      (operation) =>
        operationField(operation.query) === 'thresholdsPackSection'
          ? {
              errors: [
                {
                  message: 'Only a partnership-admin of "solihull" (or a regional-admin) may apply or export its thresholds section.',
                  extensions: { code: 'FORBIDDEN' },
                },
              ],
            }
          : exporting(operation),
      async (url) => {
        const output = capture();
        const folder = path.join(scratch, 'solihull');
        expect(await run(['export', 'solihull', folder, '--gateway', url, '--token', TOKEN], output, {})).toBe(1);
        expect(fs.existsSync(folder)).toBe(false);
        expect(output.lines).toEqual([
          'thresholds: refused',
          '  FORBIDDEN: Only a partnership-admin of "solihull" (or a regional-admin) may apply or export its thresholds section.',
          "    Use a regional-admin's token to create a partnership or for the regional pack, or a partnership-admin's of this partnership for its own pack.",
          `Nothing was written to ${folder}.`,
        ]);
      },
    );
  });
});

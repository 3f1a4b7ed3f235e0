import path from 'node:path';
import { startTestFederation, type TestFederation } from '@safeguarding/testkit';
import { GatewayClient } from '../src/gateway';
import { platformIds } from '../src/platform-ids';
import { run } from '../src/run';
import { capture } from './capture';

/** validate --gateway against a real gateway: the ids query must pass its limits and answer anonymously. */
let federation: TestFederation;

beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(async () => {
  await federation?.stop();
});

describe('the running platform as what references may point at', () => {
  it('lists the partnerships, bodies, organisations, themes, threshold levels and regional procedures the gateway holds', async () => {
    const ids = await platformIds(new GatewayClient({ url: federation.gatewayUrl }));
    for (const id of [
      'partnership:shropshire',
      'partnership:telford-and-wrekin',
      'partnership:solihull',
      'body:telford-and-wrekin.executive',
      'body:joint.lsp-forum',
      'organisation:west-mercia-police',
      'theme:neglect',
    ]) {
      expect(ids).toContain(id);
    }
    const kinds = new Set([...ids].map((id) => id.slice(0, id.indexOf(':'))));
    expect([...kinds].sort()).toEqual(['body', 'organisation', 'partnership', 'regional-procedure', 'theme', 'threshold-level', 'threshold-model']);
  });

  it('validate --gateway checks a pack with them and says "valid"', async () => {
    const folder = path.join(__dirname, 'fixtures', 'manifest-only');
    const output = capture();
    expect(await run(['validate', folder, '--gateway', federation.gatewayUrl], output, {})).toBe(0);
    expect(output.lines).toEqual([`${folder}: valid`]);
  });
});

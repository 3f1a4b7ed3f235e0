import { HELP, parseArguments, UsageError } from '../src/arguments';
import { defaultGatewayUrl } from '../src/gateway';
import { run } from '../src/run';
import { capture } from './capture';

describe('the pack command line', () => {
  it('reads validate, import and export with their options', () => {
    expect(parseArguments(['validate', 'packs/shropshire'])).toEqual({ command: 'validate', folder: 'packs/shropshire' });
    expect(parseArguments(['validate', 'packs/x', '--gateway', 'http://127.0.0.1:4999/graphql'])).toEqual({
      command: 'validate',
      folder: 'packs/x',
      gateway: 'http://127.0.0.1:4999/graphql',
    });
    expect(parseArguments(['import', 'packs/x', '--dry-run', '--token=abc.def.ghi'])).toEqual({
      command: 'import',
      folder: 'packs/x',
      dryRun: true,
      token: 'abc.def.ghi',
    });
    expect(parseArguments(['import', '--gateway=https://api.example.org/graphql', 'packs/x'])).toEqual({
      command: 'import',
      folder: 'packs/x',
      dryRun: false,
      gateway: 'https://api.example.org/graphql',
    });
    expect(parseArguments(['export', 'regional', '/tmp/regional', '--force'])).toEqual({
      command: 'export',
      scope: 'regional',
      folder: '/tmp/regional',
      force: true,
    });
  });

  it('takes the token from PACK_TOKEN unless --token gives one', () => {
    expect(parseArguments(['export', 'solihull', '/tmp/s'], { PACK_TOKEN: 'from.the.environment' })).toMatchObject({ token: 'from.the.environment' });
    expect(parseArguments(['export', 'solihull', '/tmp/s', '--token', 'given'], { PACK_TOKEN: 'from.the.environment' })).toMatchObject({ token: 'given' });
    expect(parseArguments(['export', 'solihull', '/tmp/s'], { PACK_TOKEN: '' })).not.toHaveProperty('token');
  });

  it.each([
    [['frobnicate', 'x'], /"frobnicate" is not a pack command; use validate, import or export/],
    [['validate'], /validate needs the pack's folder, e.g. npm run pack -- validate packs\/shropshire/],
    [['import', 'a', 'b'], /import takes one folder; got a b/],
    [['export', 'shropshire'], /export takes a scope and a folder, e.g. npm run pack -- export shropshire/],
    [['export', 'Shropshire Partnership', '/tmp/x'], /is not a scope: give a partnership's slug such as shropshire, or regional/],
    [['validate', 'x', '--dry-run'], /validate has no option --dry-run; its options are --gateway, --token/],
    [['import', 'x', '--force'], /import has no option --force; its options are --gateway, --token, --dry-run/],
    [['import', 'x', '--gateway'], /--gateway needs a value, e.g. --gateway http:\/\/127.0.0.1:4000\/graphql/],
    [['import', 'x', '--token', '--dry-run'], /--token needs a value, e.g. --token "\$\(npm run --silent token -- regional-admin \| tail -1\)"/],
    [['import', 'x', '--gateway', 'localhost:4000'], /--gateway "localhost:4000" is not a URL/],
    [['import', 'x', '--dry-run=yes'], /--dry-run takes no value/],
  ])('refuses %j saying what to type instead', (args, message) => {
    expect(() => parseArguments(args)).toThrow(UsageError);
    expect(() => parseArguments(args)).toThrow(message);
  });

  it('talks by default to the gateway npm start runs, from the same settings', () => {
    expect(defaultGatewayUrl({})).toBe('http://127.0.0.1:4000/graphql');
    expect(defaultGatewayUrl({ GATEWAY_PORT: '4100' })).toBe('http://127.0.0.1:4100/graphql');
    // A gateway listening on every interface is reached through the loopback.
    expect(defaultGatewayUrl({ GATEWAY_HOST: '0.0.0.0' })).toBe('http://127.0.0.1:4000/graphql');
    expect(defaultGatewayUrl({ GATEWAY_HOST: '::1' })).toBe('http://[::1]:4000/graphql');
  });

  it('prints help for --help, -h, help and no arguments, with how to get a token', async () => {
    for (const args of [['--help'], ['-h'], ['help'], [], ['import', 'x', '--help']]) expect(parseArguments(args)).toEqual({ command: 'help' });
    const output = capture();
    expect(await run(['--help'], output, {})).toBe(0);
    expect(output.lines.join('\n')).toBe(HELP.trimEnd());
    expect(HELP).toContain('npm run --silent token -- regional-admin | tail -1');
    expect(HELP).toContain('npm run --silent token -- partnership-admin shropshire | tail -1');
    for (const command of ['validate <dir>', 'import <dir> [--dry-run]', 'export <slug|regional> <dir> [--force]']) expect(HELP).toContain(command);
  });

  it('exits 2 on a usage error, printing the reason and where help is', async () => {
    const output = capture();
    expect(await run(['publish', 'packs/x'], output, {})).toBe(2);
    expect(output.errors).toEqual([
      'npm run pack: "publish" is not a pack command; use validate, import or export (npm run pack -- --help says how).',
      'See npm run pack -- --help.',
    ]);
    expect(output.lines).toEqual([]);
  });
});

/**
 * `npm run token -- <role> [partnership-slug] [<role> [partnership-slug] ...]`
 * Prints a development token for trying the API; the token is the last line.
 */
import { loadConfig } from '@safeguarding/config';
import { type Grant, InvalidGrantError, parseGrant, ROLE_DESCRIPTIONS, ROLES } from './caller';
import { signUserToken } from './tokens';

function parseArguments(args: string[]): Grant[] {
  const grants: Grant[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const role = args[index];
    const next = args[index + 1];
    const takesPartnership = next !== undefined && !(ROLES as readonly string[]).includes(next);
    grants.push(parseGrant({ role, partnershipSlug: takesPartnership ? next : null }));
    if (takesPartnership) index += 1;
  }
  return grants;
}

function main(): void {
  const args = process.argv.slice(2);
  if (args.length === 0) {
    console.error('usage: npm run token -- <role> [partnership-slug] [<role> [partnership-slug] ...]\nroles:');
    for (const role of ROLES) console.error(`  ${role.padEnd(18)} ${ROLE_DESCRIPTIONS[role]}`);
    process.exit(2);
  }
  try {
    const grants = parseArguments(args);
    const config = loadConfig();
    if (!config.signIn.developmentTokens) {
      console.error(
        "npm run token: development tokens are not accepted in production unless USER_TOKEN_SECRET is set; sign in with your organisation's account instead.",
      );
      process.exit(2);
    }
    const subject = `dev-${grants.map((grant) => grant.role + (grant.partnershipSlug ? `@${grant.partnershipSlug}` : '')).join('+')}`;
    console.log(`Token for ${subject}; send it as: Authorization: Bearer <token>`);
    console.log(signUserToken(config.secrets.userToken, subject, grants));
  } catch (error) {
    if (error instanceof InvalidGrantError) {
      console.error(`npm run token: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
}

main();

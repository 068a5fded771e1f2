// Registers the /jss slash command with Discord: npm run discord:register -- [--guild GUILD_ID]
// (the logic is adapters/discord/commands/register.ts, so tests call it directly). Exits 2 on a
// missing or malformed setting, 1 when Discord refuses.

import { describeRegistration, registerCommands } from '../adapters/discord/commands/register.ts';
import { parseRegisterArgs, REGISTER_USAGE } from '../adapters/discord/commands/register-args.ts';

const parsed = parseRegisterArgs(process.env, process.argv.slice(2));
if (parsed.ok === 'help') {
  console.log(REGISTER_USAGE);
} else if (!parsed.ok) {
  console.error(`discord:register: ${parsed.message}\n${REGISTER_USAGE}`);
  process.exitCode = 2;
} else {
  try {
    const result = await registerCommands(parsed.options);
    console.log(describeRegistration(result, parsed.options.guildId));
  } catch (error) {
    // Discord's answer names the field it refused (rawError.errors); the token never appears in it.
    const detail = error instanceof Error && 'rawError' in error ? `\n${JSON.stringify(error.rawError, null, 2)}` : '';
    console.error(
      `discord:register: Discord refused the registration: ${error instanceof Error ? error.message : String(error)}${detail}`,
    );
    process.exitCode = 1;
  }
}

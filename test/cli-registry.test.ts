// The CLI registry: every entry loads its command, with the same name and summary as `filmkg --help` prints.
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/cli/registry.js';

describe('the command registry', () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))('%s loads a command with the registry name and summary', async (_name, entry) => {
    const command = await entry.load();
    expect(command.name).toBe(entry.name);
    expect(command.summary).toBe(entry.summary);
    expect(command.help).toMatch(new RegExp(`^Usage: filmkg ${entry.name}\\b`));
  });
});

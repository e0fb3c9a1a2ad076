import { COMMAND_DEFS, commandsTable, optionsTable } from './options.js';

/**
 * The README's generated blocks, each between `<!-- cli:NAME -->` and `<!-- /cli:NAME -->`:
 * `commands`, and `options:<command>` for each command. Pure: the README text in, the README
 * with every block regenerated out. `npm run readme` writes it; a test requires no change.
 */
export function regenerateReadme(readme: string): string {
  const blocks: Record<string, string> = { commands: commandsTable() };
  for (const c of COMMAND_DEFS) blocks[`options:${c.name}`] = optionsTable(c.name);
  return readme.replace(/<!-- cli:([a-z:]+) -->\n[\s\S]*?<!-- \/cli:\1 -->/g, (whole, name: string) => {
    const block = blocks[name];
    return block === undefined ? whole : `<!-- cli:${name} -->\n${block}\n<!-- /cli:${name} -->`;
  });
}

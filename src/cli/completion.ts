// `filmkg completion bash`: a bash completion script. Format names are written into it; the commands are read from
// `filmkg --help` and each command's options from its own --help when asked (so they never go stale, and this module
// needs not the registry, which loads it), bundled query names from `filmkg query --list`.
import { FilmkgError } from '../errors.js';
import { INPUT_FORMATS } from '../rdf-file.js';
import { OUTPUT_FORMATS } from '../sparql/format.js';
import { parseCommandArgs } from './args.js';
import { EXIT, type Command } from './command.js';
import type { CliIo } from './io.js';
import { didYouMean } from './suggest.js';

/** The formats `filmkg export --format` takes (src/cli/export.ts). */
const EXPORT_FORMATS = ['html', 'jsonld-embed', 'turtle', 'ntriples', 'nquads', 'jsonld', 'rdfxml'];

const HELP = `Usage: filmkg completion bash

Prints a bash completion script for filmkg: commands, each command's options (read from its --help),
bundled query names, and the values of --format and --input-format. Load it in the current shell with

  source <(filmkg completion bash)

or save it where bash-completion looks (~/.local/share/bash-completion/completions/filmkg).

  -h, --help    show this help
`;

/** The bash completion script. */
export function bashCompletion(): string {
  return `# bash completion for filmkg (filmkg completion bash)
_filmkg_commands() {
  "\${COMP_WORDS[0]}" --help 2>/dev/null | sed -n '/^Commands:/,/^$/p' | sed -n 's/^  \\([a-z][a-z-]*\\) .*/\\1/p'
}
_filmkg() {
  local cur prev command
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  command="\${COMP_WORDS[1]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "$(_filmkg_commands) help --help --version" -- "$cur"))
    return
  fi
  case "$prev" in
    --input-format) COMPREPLY=($(compgen -W "${Object.keys(INPUT_FORMATS).join(' ')}" -- "$cur")); return ;;
    --format|-f)
      if [ "$command" = export ]; then COMPREPLY=($(compgen -W "${EXPORT_FORMATS.join(' ')}" -- "$cur"));
      else COMPREPLY=($(compgen -W "${OUTPUT_FORMATS.join(' ')}" -- "$cur")); fi
      return ;;
  esac
  case "$command" in
    help) [ "$COMP_CWORD" -eq 2 ] && COMPREPLY=($(compgen -W "$(_filmkg_commands)" -- "$cur")); return ;;
    completion) [ "$COMP_CWORD" -eq 2 ] && COMPREPLY=($(compgen -W "bash" -- "$cur")); return ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$("\${COMP_WORDS[0]}" "$command" --help 2>/dev/null | grep -o -- '--[a-z][a-z-]*' | sort -u)" -- "$cur"))
  elif [ "$command" = query ]; then
    COMPREPLY=($(compgen -W "$("\${COMP_WORDS[0]}" query --list 2>/dev/null | cut -d' ' -f1)" -- "$cur") $(compgen -f -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F _filmkg filmkg
`;
}

/** The `completion` command. */
export const completionCommand: Command = {
  name: 'completion',
  summary: 'print a bash completion script (source <(filmkg completion bash))',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { positionals } = parseCommandArgs('completion', args, {});
    const shell = positionals[0];
    if (positionals.length !== 1 || shell !== 'bash') {
      throw new FilmkgError('USAGE', `completion needs the shell's name${shell !== undefined ? `; "${shell}" is not one${didYouMean(shell, ['bash'])}` : ''} (see filmkg completion --help)`, { expected: 'bash' });
    }
    io.stdout(bashCompletion());
    return EXIT.ok;
  },
};

/**
 * Where `jiaodui` starts (bin/jiaodui.mjs runs this file's bundle, or the file itself
 * through tsx in development). `--help`, a missing command and usage errors are answered
 * here from cli/usage.ts alone, in the time Node takes to start; only a valid command
 * loads cli/main.ts and with it the app (contract, dictionaries, SQLite, docx).
 */
import { ignoreClosedPipe } from './closed-pipe';
import { parseCommandLine, reportUserError } from './usage';

ignoreClosedPipe(process.stdout);
ignoreClosedPipe(process.stderr);

function answeredHere(argv: string[]): boolean {
  try {
    const cl = parseCommandLine(argv);
    if (!cl.help) return false;
    process.stdout.write(cl.text + '\n');
    process.exitCode = cl.exitCode;
    return true;
  } catch (e) {
    // A usage error is answered here; anything else is for cli/main.ts to report.
    return reportUserError(e);
  }
}

if (!answeredHere(process.argv.slice(2))) await import('./main');

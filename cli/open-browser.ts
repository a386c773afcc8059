/**
 * Browser mode opens the default browser on its address — when someone can see it. The
 * decision (`browserOpener`) is pure; `openBrowser` spawns the opener detached and ignores
 * it afterwards: whatever goes wrong, the address is already printed, so a failure only adds
 * a line saying to open it by hand.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface OpenerCommand {
  command: string;
  args: string[];
  /** Windows: pass the arguments as written (cmd's own quoting). */
  verbatim?: boolean;
}

export type OpenDecision = { open: true; opener: OpenerCommand } | { open: false; reason: string };

/** `CI` set to anything but empty, "0" or "false" (GitHub Actions, GitLab, most others set CI=true). */
export function isCi(env: Readonly<Record<string, string | undefined>>): boolean {
  const v = env.CI?.trim().toLowerCase();
  return v !== undefined && v !== '' && v !== '0' && v !== 'false';
}

/**
 * Whether to open a browser on `url`, and with what: never with `--no-open` or in CI; on
 * macOS (`open`) and Windows (`start`, through cmd) always; elsewhere (Linux, the BSDs) only
 * with a display (`DISPLAY` for X11, `WAYLAND_DISPLAY`), through `xdg-open` — none means
 * headless (a server, SSH, a container).
 */
export function browserOpener(url: string, ctx: { platform: NodeJS.Platform; env: Readonly<Record<string, string | undefined>>; noOpen: boolean }): OpenDecision {
  if (ctx.noOpen) return { open: false, reason: '--no-open' };
  if (isCi(ctx.env)) return { open: false, reason: 'CI' };
  if (!/^http:\/\/127\.0\.0\.1:\d+\/[A-Za-z0-9#=_-]*$/.test(url)) return { open: false, reason: 'not an address of this server' };
  if (ctx.platform === 'darwin') return { open: true, opener: { command: 'open', args: [url] } };
  // `start`'s first quoted argument is the window title, hence the empty "". The address holds
  // only characters cmd treats as plain (checked above), and is quoted anyway.
  if (ctx.platform === 'win32') return { open: true, opener: { command: 'cmd.exe', args: ['/d', '/s', '/c', `start "" "${url}"`], verbatim: true } };
  if (!ctx.env.DISPLAY && !ctx.env.WAYLAND_DISPLAY) return { open: false, reason: 'no display' };
  return { open: true, opener: { command: 'xdg-open', args: [url] } };
}

/**
 * Start the opener detached (it outlives nothing of ours and we never wait for it); when it
 * cannot start or exits with a failure, `onFailure` gets one line for the user. Returns the
 * child (tests wait for it), or null when spawning threw.
 */
export function openBrowser(opener: OpenerCommand, onFailure: (line: string) => void): ChildProcess | null {
  let reported = false;
  const fail = (why: string) => {
    if (reported) return;
    reported = true;
    onFailure(`Could not open a browser (${opener.command}: ${why}); open the address above yourself.`);
  };
  try {
    const child = spawn(opener.command, opener.args, { detached: true, stdio: 'ignore', windowsVerbatimArguments: opener.verbatim ?? false, windowsHide: true });
    child.on('error', (e) => fail(e.message));
    child.on('exit', (code, signal) => {
      if (code !== 0) fail(signal ? `stopped by ${signal}` : `exit code ${code}`);
    });
    child.unref();
    return child;
  } catch (e) {
    fail((e as Error).message);
    return null;
  }
}

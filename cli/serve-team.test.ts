import { describe, expect, it } from 'vitest';
import { cliTestDatabase } from './test-helpers';
import { existsSync } from 'node:fs';

const cli = cliTestDatabase();
const { run } = cli;

describe('jiaodui serve --team: where it may listen', () => {
  it('refuses another address than loopback without TLS or --allow-plain-http, before opening anything', () => {
    const r = run('serve', '--team', '--listen', '0.0.0.0:0');
    expect(r.code).toBe(2);
    expect(r.err).toBe('jiaodui: Listening on 0.0.0.0 (not loopback) needs --tls-cert FILE --tls-key FILE, or --allow-plain-http behind a TLS-terminating proxy.\n');
    expect(existsSync(cli.dbPath())).toBe(false);
  });

  it('says what is wrong with the other team flags', () => {
    for (const [args, msg] of [
      [['serve', '--listen', '127.0.0.1:7420'], '--listen, --public-url, --tls-cert, --tls-key and --allow-plain-http are for serve --team.'],
      [['serve', '--team', '--port', '1'], 'serve --team takes --listen HOST:PORT, not --port.'],
      [['serve', '--team', '--listen', 'nowhere:'], '--listen must be HOST:PORT'],
      [['serve', '--team', '--tls-cert', 'c.pem'], '--tls-cert and --tls-key go together.'],
      [['serve', '--team', '--tls-cert', 'missing-c.pem', '--tls-key', 'missing-k.pem'], 'Cannot read the TLS certificate missing-c.pem: ENOENT.'],
    ] as const) {
      const r = run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain(msg);
    }
  });
});

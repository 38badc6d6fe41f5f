import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../platform/defaultDataDir.js';
import { parseMockArgs } from './parseMockArgs.js';

describe('parseMockArgs', () => {
  it('has the documented defaults and ignores the "--" pnpm passes on', () => {
    expect(parseMockArgs([], {})).toEqual({ host: '127.0.0.1', port: 3000, seed: 'demo', clock: 'real', logLevel: 'info', logFormat: undefined, dataDir: defaultDataDir({}), wipeState: false, adminToken: undefined });
    expect(parseMockArgs(['--', '--port', '0', '--log-level', 'debug', '--log-format', 'json'])).toMatchObject({ port: 0, logLevel: 'debug', logFormat: 'json' });
    expect(parseMockArgs(['--help'])).toBe('help');
    expect(parseMockArgs(['-h'])).toBe('help');
  });

  it('keeps state in a data directory unless --ephemeral, which takes no data-dir or wipe', () => {
    expect(parseMockArgs(['--data-dir', '/tmp/x', '--wipe-state'])).toMatchObject({ dataDir: '/tmp/x', wipeState: true });
    expect(parseMockArgs(['--ephemeral'])).toMatchObject({ dataDir: undefined, wipeState: false });
    expect(parseMockArgs(['--ephemeral', '--data-dir', '/tmp/x'])).toEqual({ error: '--ephemeral keeps no state: it cannot be combined with --data-dir or --wipe-state' });
    expect(parseMockArgs(['--ephemeral', '--wipe-state'])).toEqual({ error: '--ephemeral keeps no state: it cannot be combined with --data-dir or --wipe-state' });
  });

  it('takes the admin token from --admin-token, else from WXVOIP_ADMIN_TOKEN; an empty one is none', () => {
    expect(parseMockArgs(['--admin-token', 's3cret'], { WXVOIP_ADMIN_TOKEN: 'env' })).toMatchObject({ adminToken: 's3cret' });
    expect(parseMockArgs([], { WXVOIP_ADMIN_TOKEN: 'env' })).toMatchObject({ adminToken: 'env' });
    expect(parseMockArgs([], { WXVOIP_ADMIN_TOKEN: '' })).toMatchObject({ adminToken: undefined });
  });

  it('names the flag and the accepted values of a bad argument', () => {
    expect(parseMockArgs(['--port', '3.5'])).toEqual({ error: '--port must be an integer from 0 to 65535, got "3.5"' });
    expect(parseMockArgs(['--port', '70000'])).toEqual({ error: '--port must be an integer from 0 to 65535, got "70000"' });
    expect(parseMockArgs(['--clock', 'fast'])).toEqual({ error: '--clock must be "real" or "manual", got "fast"' });
    expect(parseMockArgs(['--log-level', 'loud'])).toEqual({ error: '--log-level must be one of trace, debug, info, warn, error, fatal, silent, got "loud"' });
    expect(parseMockArgs(['--log-format', 'xml'])).toEqual({ error: '--log-format must be "pretty" or "json", got "xml"' });
    expect(parseMockArgs(['--nope'])).toMatchObject({ error: expect.stringContaining('--nope') });
  });
});

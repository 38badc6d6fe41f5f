import { describe, expect, it } from 'vitest';
import { cliLogger, prettyLine } from './cliLogger.js';

const at = new Date(2026, 11, 7, 16, 5, 9).getTime();

describe('prettyLine', () => {
  it('writes time and message, with the level in front of anything but info', () => {
    expect(prettyLine(JSON.stringify({ level: 30, time: at, msg: 'call r-1 ringing', call: { roomId: 'r-1' } }))).toBe('16:05:09  call r-1 ringing');
    expect(prettyLine(JSON.stringify({ level: 40, time: at, msg: 'push URL verification failed' }))).toBe('16:05:09  WARN push URL verification failed');
    expect(prettyLine(JSON.stringify({ level: 50, time: at, msg: 'request failed', err: { message: 'boom' } }))).toBe('16:05:09  ERROR request failed: boom');
    expect(prettyLine('not json\n')).toBe('not json');
  });
});

describe('cliLogger', () => {
  it('passes each JSON line on as is, or pretty, one sink call per line', () => {
    const json: string[] = [];
    const pretty: string[] = [];
    const two = `${JSON.stringify({ level: 30, time: at, msg: 'a' })}\n${JSON.stringify({ level: 30, time: at, msg: 'b' })}\n`;
    cliLogger('info', 'json', (line) => json.push(line)).stream.write(two);
    cliLogger('info', 'pretty', (line) => pretty.push(line)).stream.write(two);
    expect(json.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(['a', 'b']);
    expect(pretty).toEqual(['16:05:09  a', '16:05:09  b']);
  });
});

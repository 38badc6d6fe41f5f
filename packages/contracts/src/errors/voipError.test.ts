import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { VoipCgiError, VoipError, VoipJoinError, VoipPluginError, isVoipError } from './voipError.js';
import type { VoipErrorName } from './voipError.js';

describe('VoipError family', () => {
  it.each([
    ['VoipCgiError', VoipCgiError],
    ['VoipPluginError', VoipPluginError],
    ['VoipJoinError', VoipJoinError],
  ] as const)('%s is an Error, a VoipError and itself, with its name', (name, Class) => {
    const error = new Class({ errCode: 1, errMsg: 'x' });
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(VoipError);
    expect(error).toBeInstanceOf(Class);
    expect(error.name).toBe(name);
    expect(Object.getPrototypeOf(error)).toBe(Class.prototype);
    expect(String(error)).toBe(`${name}: x`);
  });

  it('does not confuse sibling classes', () => {
    const cgi = new VoipCgiError({ errCode: 9, errMsg: 'not authorized' });
    expect(cgi).not.toBeInstanceOf(VoipJoinError);
    expect(cgi).not.toBeInstanceOf(VoipPluginError);
    expect(new VoipError({ errCode: 0, errMsg: 'base' }).name).toBe('VoipError');
  });

  it('carries errCode, errMsg, errno and cause (P §6.1) with documented defaults', () => {
    const cause = new Error('socket closed');
    const error = new VoipCgiError({ errCode: 1002, errMsg: 'request failed', errno: 600001, cause, key: 'CGI_REQUEST_FAILED' });
    expect(error).toMatchObject({ errCode: 1002, errMsg: 'request failed', errno: 600001, key: 'CGI_REQUEST_FAILED' });
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('request failed');

    const bare = new VoipPluginError({ errCode: 1005, errMsg: 'busy', message: 'actionable text' });
    expect(bare.errno).toBe(0);
    expect(bare.cause).toBeUndefined();
    expect(bare.key).toBeUndefined();
    expect(bare.fix).toBeUndefined();
    expect(bare.message).toBe('actionable text');
    expect(new VoipPluginError({ errCode: 1005, errMsg: 'busy', fix: 'wait for endVoip' }).fix).toBe('wait for endVoip');
  });

  it('gives VoipJoinError extErrMsg and errType', () => {
    const error = new VoipJoinError({ errCode: 2004, errMsg: 'join failed', extErrMsg: 'joinVoipChat:fail', errType: 3 });
    expect(error).toMatchObject({ extErrMsg: 'joinVoipChat:fail', errType: 3, errCode: 2004 });
    const defaults = new VoipJoinError({ errCode: 2000, errMsg: 'join failed' });
    expect(defaults).toMatchObject({ extErrMsg: '', errType: 0 });
  });

  it('types the documented fields', () => {
    expectTypeOf<VoipError['errCode']>().toEqualTypeOf<number>();
    expectTypeOf<VoipError['errMsg']>().toEqualTypeOf<string>();
    expectTypeOf<VoipError['errno']>().toEqualTypeOf<number>();
    expectTypeOf<VoipError['cause']>().toEqualTypeOf<unknown>();
    expectTypeOf<VoipJoinError['extErrMsg']>().toEqualTypeOf<string>();
    expectTypeOf<VoipJoinError['errType']>().toEqualTypeOf<number>();
    expectTypeOf<VoipError['name']>().toEqualTypeOf<VoipErrorName>();
    expectTypeOf<VoipCgiError>().toExtend<VoipError>();
  });

  it('keeps instanceof working when compiled down to ES5', () => {
    const source = readFileSync(new URL('./voipError.ts', import.meta.url), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { target: ts.ScriptTarget.ES5, module: ts.ModuleKind.CommonJS },
    });
    expect(outputText).not.toMatch(/^\s*class /m);
    const compiled: Record<string, new (init: { errCode: number; errMsg: string }) => object> = {};
    new Function('exports', outputText)(compiled);
    const { VoipError: Base, VoipJoinError: Join, VoipCgiError: Cgi } = compiled;
    if (Base === undefined || Join === undefined || Cgi === undefined) throw new Error('the ES5 build does not export the classes');
    const join = new Join({ errCode: 2000, errMsg: 'join failed' });
    expect(join).toBeInstanceOf(Join);
    expect(join).toBeInstanceOf(Base);
    expect(join).toBeInstanceOf(Error);
    expect(join).not.toBeInstanceOf(Cgi);
    expect(join).toMatchObject({ name: 'VoipJoinError', errCode: 2000, extErrMsg: '' });
  });
});

describe('isVoipError', () => {
  it('accepts every class of the family', () => {
    expect(isVoipError(new VoipError({ errCode: 1, errMsg: 'x' }))).toBe(true);
    expect(isVoipError(new VoipJoinError({ errCode: 2000, errMsg: 'x' }))).toBe(true);
  });

  it('accepts a structurally identical error from another copy of the package', () => {
    const foreign = Object.assign(new Error('x'), { name: 'VoipCgiError', errCode: 9, errMsg: 'x' });
    expect(isVoipError(foreign)).toBe(true);
  });

  it('rejects plain errors, look-alikes with the wrong fields, and non-objects', () => {
    expect(isVoipError(new Error('x'))).toBe(false);
    expect(isVoipError({ name: 'VoipCgiError', errCode: '9', errMsg: 'x' })).toBe(false);
    expect(isVoipError({ name: 'TypeError', errCode: 9, errMsg: 'x' })).toBe(false);
    expect(isVoipError({ errCode: 9, errMsg: 'x' })).toBe(false);
    expect(isVoipError(null)).toBe(false);
    expect(isVoipError('VoipError')).toBe(false);
  });

  it('narrows to VoipError', () => {
    const value: unknown = new VoipPluginError({ errCode: 1005, errMsg: 'busy' });
    if (isVoipError(value)) expectTypeOf(value).toEqualTypeOf<VoipError>();
    expect(isVoipError(value)).toBe(true);
  });
});

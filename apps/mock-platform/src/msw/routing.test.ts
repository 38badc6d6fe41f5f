import { demoSeed } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import { PlatformCore } from '../core/platformCore.js';
import { platformApis } from './createHandlers.js';
import { MAX_PARAM_LENGTH, mswUrlPattern, parseQueryString, RouteTable } from './routing.js';

const table = new RouteTable([
  { method: 'GET', path: '/__admin/rooms' },
  { method: 'GET', path: '/__admin/rooms/:roomId' },
  { method: 'GET', path: '/a/:id/x' },
  { method: 'GET', path: '/a/static/x' },
  { method: 'DELETE', path: '/__admin/faults/:faultId' },
]);

describe('RouteTable (find-my-way semantics)', () => {
  it('matches case-sensitively, with a significant trailing slash and empty parameters', () => {
    expect(table.match('GET', '/__admin/rooms')).toMatchObject({ kind: 'route', params: {} });
    expect(table.match('GET', '/__admin/rooms/')).toMatchObject({ kind: 'route', params: { roomId: '' } });
    expect(table.match('GET', '/__ADMIN/rooms')).toEqual({ kind: 'notFound' });
    expect(table.match('GET', '/__admin/rooms/r-1/')).toEqual({ kind: 'notFound' });
  });

  it('prefers a static segment to a parameter, whatever the registration order', () => {
    expect(table.match('GET', '/a/static/x')).toMatchObject({ entry: { path: '/a/static/x' } });
    expect(table.match('GET', '/a/other/x')).toMatchObject({ entry: { path: '/a/:id/x' }, params: { id: 'other' } });
  });

  it('uses GET routes for HEAD and no others for other methods', () => {
    expect(table.match('HEAD', '/__admin/rooms')).toMatchObject({ kind: 'route' });
    expect(table.match('POST', '/__admin/rooms')).toEqual({ kind: 'notFound' });
  });

  it('decodes the path before matching but keeps reserved escapes for the parameter', () => {
    expect(table.match('GET', '/__admin/ro%6Fms/r-1')).toMatchObject({ kind: 'route', params: { roomId: 'r-1' } });
    expect(table.match('GET', '/__admin/rooms/a%2Fb')).toMatchObject({ params: { roomId: 'a/b' } });
    expect(table.match('GET', '/__admin/rooms/a%25b')).toMatchObject({ params: { roomId: 'a%b' } });
    expect(table.match('GET', '/__admin/rooms/a%252Fb')).toMatchObject({ params: { roomId: 'a%2Fb' } });
    expect(table.match('GET', '/__admin/rooms/%E4%BD%A0')).toMatchObject({ params: { roomId: '你' } });
    expect(table.match('GET', '/__admin/rooms%2Fr-1')).toEqual({ kind: 'notFound' });
  });

  it('reports an invalid escape as a bad URL and an over-long parameter when nothing else matches', () => {
    expect(table.match('GET', '/__admin/rooms/%E0%A4')).toEqual({ kind: 'badUrl' });
    expect(table.match('DELETE', '/__admin/%zz')).toEqual({ kind: 'badUrl' });
    expect(table.match('GET', `/__admin/rooms/${'x'.repeat(MAX_PARAM_LENGTH)}`)).toMatchObject({ kind: 'route' });
    expect(table.match('GET', `/__admin/rooms/${'x'.repeat(MAX_PARAM_LENGTH + 1)}`)).toEqual({ kind: 'maxParamLength', path: `/__admin/rooms/${'x'.repeat(MAX_PARAM_LENGTH + 1)}` });
    expect(table.match('PUT', `/__admin/rooms/${'x'.repeat(MAX_PARAM_LENGTH + 1)}`)).toEqual({ kind: 'notFound' });
  });
});

describe('RouteTable cost per request (regression guard, issue 19)', () => {
  // The platform's own routes (90 of them); each used to be compared with every request, in order.
  const routes = platformApis(new PlatformCore({ seed: demoSeed, clockMode: 'manual' })).flatMap(({ router }) => Object.values(router).map((route) => ({ method: route.method, path: route.path })));
  const platform = new RouteTable(routes);
  const tried = (method: string, path: string) => {
    const before = platform.routesTried;
    const match = platform.match(method, path);
    return { match, tried: platform.routesTried - before };
  };

  it('finds a static route with one lookup and a parametrised one among the routes of its method and length', () => {
    expect(routes.length).toBeGreaterThan(80);
    // The four requests of a whole call (plugin callDevice, call page join, doorbell listenerJoin, phone hang-up).
    expect(tried('POST', '/__wxvoip/v1/plugin/call-device')).toMatchObject({ match: { kind: 'route', entry: { path: '/__wxvoip/v1/plugin/call-device' } }, tried: 1 });
    expect(tried('POST', '/__wxvoip/v1/linux/listener/join')).toMatchObject({ match: { kind: 'route' }, tried: 1 });
    const join = tried('POST', '/__wxvoip/v1/rooms/r-1/join');
    expect(join.match).toMatchObject({ kind: 'route', entry: { path: '/__wxvoip/v1/rooms/:roomId/join' }, params: { roomId: 'r-1' } });
    const parametrisedPost6 = routes.filter((r) => r.method === 'POST' && r.path.split('/').length === 6 && r.path.includes(':')).length;
    expect(join.tried).toBeLessThanOrEqual(1 + parametrisedPost6);
    // The whole call's four requests compared with 9 routes in all (1 + 1 + 2 + 5), where a scan in order took 90 or so.
    const hangUp = tried('POST', '/__wxvoip/v1/rooms/r-1/hang-up').tried;
    expect(1 + 1 + join.tried + hangUp).toBeLessThanOrEqual(2 + 2 * (1 + parametrisedPost6));
    expect(1 + 1 + join.tried + hangUp).toBeLessThan(16);
  });

  it('compares an unmatched path with every route of its method only, to find an over-long parameter', () => {
    const gets = routes.filter((r) => r.method === 'GET').length;
    expect(tried('GET', '/nowhere')).toEqual({ match: { kind: 'notFound' }, tried: 1 + gets });
  });
});

describe('parseQueryString (fast-querystring semantics)', () => {
  it('turns repeated names into arrays, + into a space and bare names into empty values', () => {
    expect({ ...parseQueryString('a=1&a=2&a=3&b&c=x+y&=z&&d=e=f') }).toEqual({ a: ['1', '2', '3'], b: '', c: 'x y', '': 'z', d: 'e=f' });
  });

  it('decodes escapes after the + replacement and keeps undecodable ones as written', () => {
    expect({ ...parseQueryString('p=%2B1&q=%E0%A4&r=%zz&s%5F=1') }).toEqual({ p: '+1', q: '%E0%A4', r: '%zz', s_: '1' });
  });

  it('gives an empty object for an empty query', () => {
    expect({ ...parseQueryString('') }).toEqual({});
  });
});

describe('mswUrlPattern', () => {
  it('matches a route exactly, case-sensitively, without capture groups', () => {
    const pattern = mswUrlPattern('http://wxvoip.mock', '/__admin/rooms/:roomId');
    expect(pattern.test('http://wxvoip.mock/__admin/rooms/r-1')).toBe(true);
    expect(pattern.test('http://wxvoip.mock/__admin/rooms/')).toBe(true);
    expect(pattern.test('http://wxvoip.mock/__admin/rooms/r-1/')).toBe(false);
    expect(pattern.test('http://wxvoip.mock/__ADMIN/rooms/r-1')).toBe(false);
    expect(pattern.test('http://wxvoip-mock/__admin/rooms/r-1')).toBe(false);
    expect(new RegExp(`${pattern.source}|`).exec('')?.length).toBe(1);
  });

  it('matches everything under the base without a path', () => {
    const pattern = mswUrlPattern('http://api.test/wx');
    expect(pattern.test('http://api.test/wx/')).toBe(true);
    expect(pattern.test('http://api.test/wx/a/b')).toBe(true);
    expect(pattern.test('http://api.test/other')).toBe(false);
  });
});

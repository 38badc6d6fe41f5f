import { describe, expect, it } from 'vitest';
import { ActiveMembers } from './activeMembers.js';

const alice = { kind: 'user', appId: 'wx-a', openId: 'alice' } as const;
const aliceOfB = { kind: 'user', appId: 'wx-b', openId: 'alice' } as const;
const door = { kind: 'device', sn: 'alice' } as const;

describe('ActiveMembers', () => {
  it('tells users of different apps and a device with the same id apart', () => {
    const members = new ActiveMembers();
    members.set(alice, 'room-1');
    expect(members.get(alice)).toBe('room-1');
    expect(members.has(aliceOfB)).toBe(false);
    expect(members.has(door)).toBe(false);
    members.set(door, 'room-2');
    members.set(aliceOfB, 'room-3');
    expect([members.get(alice), members.get(door), members.get(aliceOfB)]).toEqual(['room-1', 'room-2', 'room-3']);
  });

  it('releases a member only from the room it is in', () => {
    const members = new ActiveMembers();
    members.set(alice, 'room-2');
    members.set(door, 'room-2');
    members.release(alice, 'room-1');
    members.release(door, 'room-1');
    expect(members.get(alice)).toBe('room-2');
    expect(members.get(door)).toBe('room-2');
    members.release(alice, 'room-2');
    members.release(door, 'room-2');
    expect(members.has(alice)).toBe(false);
    expect(members.has(door)).toBe(false);
    members.set(alice, 'room-4');
    expect(members.get(alice)).toBe('room-4');
  });
});

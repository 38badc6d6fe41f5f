import { describe, expect, it } from 'vitest';
import { DeviceVoipListData, RequestDeviceVoipArgs } from './phoneOps.js';

function firstIssue(input: unknown) {
  const result = RequestDeviceVoipArgs.safeParse(input);
  expect(result.success).toBe(false);
  return result.error?.issues[0];
}

const device = { sn: 'SN-LINUX-0001', snTicket: 'ticket', modelId: 'model-linux-doorbell', deviceName: 'Front door' };

describe('RequestDeviceVoipArgs', () => {
  it('accepts the single-device form, with or without isGroup: false', () => {
    expect(RequestDeviceVoipArgs.parse(device)).toEqual(device);
    expect(RequestDeviceVoipArgs.parse({ ...device, isGroup: false })).toEqual({ ...device, isGroup: false });
  });

  it('accepts the group form', () => {
    expect(RequestDeviceVoipArgs.parse({ isGroup: true, groupId: 'group-building-a' })).toEqual({ isGroup: true, groupId: 'group-building-a' });
  });

  it('limits deviceName to 13 characters (counted as characters, not bytes)', () => {
    expect(RequestDeviceVoipArgs.parse({ ...device, deviceName: '校园电话校园电话校园电话校' }).isGroup).toBeUndefined();
    const issue = firstIssue({ ...device, deviceName: 'Fourteen chars' });
    expect(issue?.path).toEqual(['deviceName']);
    expect(issue?.message).toContain('at most 13 characters');
  });

  it('needs the snTicket of a device and the groupId of a group', () => {
    const ticket = firstIssue({ ...device, snTicket: undefined });
    expect(ticket?.path).toEqual(['snTicket']);
    expect(ticket?.message).toContain('snTicket is required');
    expect(firstIssue({ isGroup: true })?.path).toEqual(['groupId']);
  });

  it('rejects a non-boolean isGroup', () => {
    const issue = firstIssue({ isGroup: 'yes', groupId: 'g' });
    expect(issue?.path).toEqual(['isGroup']);
    expect(issue?.message).toContain('isGroup must be true');
  });
});

describe('DeviceVoipListData', () => {
  it('lists devices and groups with status 0 or 1', () => {
    const list = [{ sn: 'SN-1', model_id: 'm', status: 1 }, { group_id: 'g', status: 0 }];
    expect(DeviceVoipListData.parse({ list })).toEqual({ list });
    expect(DeviceVoipListData.safeParse({ list: [{ sn: 'SN-1', status: 2 }] }).error?.issues[0]?.path).toEqual(['list', 0, 'status']);
  });
});

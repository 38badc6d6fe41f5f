import type { SeedDeviceInput, SeedInput } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../refusal.js';
import type { AppState } from '../tenant/entities.js';
import { createTenantState } from '../tenant/createTenantState.js';
import { GroupService } from './groupService.js';

/** 201 doorbells F000…F200, enough to fill a group of 50 and an expanded one of 200. */
const fillers: SeedDeviceInput[] = Array.from({ length: 201 }, (_, i) => ({ sn: `F${String(i).padStart(3, '0')}`, modelId: 'm-bell', kind: 'linux' }));

const seed: SeedInput = {
  apps: [
    {
      appId: 'wx-app',
      secret: 's',
      models: [
        { modelId: 'm-bell', kind: 'linux', modelType: 'doorbell' },
        { modelId: 'm-bell2', kind: 'rtos', modelType: 'doorbell' },
        { modelId: 'm-cam', kind: 'linux', modelType: 'camera' },
        { modelId: 'm-draft', kind: 'linux', modelType: 'doorbell', approved: false },
      ],
      devices: [
        { sn: 'SN-A', modelId: 'm-bell', kind: 'linux' },
        { sn: 'SN-R', modelId: 'm-bell2', kind: 'rtos' },
        { sn: 'SN-C', modelId: 'm-cam', kind: 'linux' },
        { sn: 'SN-D', modelId: 'm-draft', kind: 'linux' },
        ...fillers,
      ],
      groups: [
        { groupId: 'G1', name: 'class 1', modelId: 'm-bell', members: ['SN-A'] },
        { groupId: 'G2', name: 'class 2', modelId: 'm-bell2' },
      ],
    },
    { appId: 'wx-other', secret: 's', models: [{ modelId: 'm-other', kind: 'linux', modelType: 'doorbell' }] },
  ],
};

function setup() {
  const state = createTenantState({ seed });
  const app = state.app('wx-app') as AppState;
  return { state, app, groups: new GroupService(state) };
}

function value<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`expected success, got ${outcome.refusal.code}: ${outcome.refusal.rule}`);
  return outcome.value;
}

function code<T>(outcome: Outcome<T>): number {
  return outcome.ok ? 0 : outcome.refusal.code;
}

const ref = (sn: string, model_id = 'm-bell') => ({ model_id, sn });

/** Per-device errcodes of an adddevice/removedevice answer. */
function codes(outcome: Outcome<{ device_list: { errcode: number }[] }>): number[] {
  return value(outcome).device_list.map((d) => d.errcode);
}

describe('GroupService.createIotGroupId', () => {
  it('creates an empty group of 50 with the model type, under a fresh id', () => {
    const { app, groups } = setup();
    const created = value(groups.createIotGroupId(app, { model_id: 'm-bell2', group_name: '一年级三班' }));
    expect(created).toMatchObject({ errcode: 0, errmsg: 'ok' });
    const second = value(groups.createIotGroupId(app, { model_id: 'm-bell2', group_name: 'other' }));
    expect(second.group_id).not.toBe(created.group_id);
    expect(value(groups.getIotGroupInfo(app, { group_id: created.group_id }))).toEqual({
      errcode: 0,
      errmsg: 'ok',
      group_name: '一年级三班',
      model_id: 'm-bell2',
      model_type: 'doorbell',
      device_list: [],
      max_device_count: 50,
    });
  });

  it('answers 9800003 for a model of another app, an unknown model and an unapproved one', () => {
    const { app, groups } = setup();
    for (const model_id of ['m-other', 'm-nope', 'm-draft']) expect(code(groups.createIotGroupId(app, { model_id, group_name: 'g' }))).toBe(9800003);
    expect(app.groups.size).toBe(2);
  });
});

describe('GroupService.getIotGroupInfo', () => {
  it('lists members with their own model_id, and answers 9800013 for a group of another app or none', () => {
    const { state, app, groups } = setup();
    value(groups.addIotGroupDevice(app, { group_id: 'G1', device_list: [ref('SN-R', 'm-bell2')] }));
    expect(value(groups.getIotGroupInfo(app, { group_id: 'G1' })).device_list).toEqual([ref('SN-A'), ref('SN-R', 'm-bell2')]);
    const other = state.app('wx-other') as AppState;
    const refused = groups.getIotGroupInfo(other, { group_id: 'G1' });
    expect(refused.ok ? null : [refused.refusal.code, refused.refusal.stage]).toEqual([9800013, 'notFound']);
  });
});

describe('GroupService.addIotGroupDevice', () => {
  it('adds devices of the same model_type (other model_ids too), keeping both sides of the membership', () => {
    const { app, groups } = setup();
    const answer = value(groups.addIotGroupDevice(app, { group_id: 'G1', device_list: [ref('F000'), ref('SN-R', 'm-bell2')] }));
    expect(answer).toEqual({ errcode: 0, errmsg: 'ok', device_list: [{ ...ref('F000'), errcode: 0 }, { ...ref('SN-R', 'm-bell2'), errcode: 0 }] });
    expect([...app.groups.get('G1')!.members]).toEqual(['SN-A', 'F000', 'SN-R']);
    expect(app.devices.get('SN-R')!.groupId).toBe('G1');
  });

  it('answers per device: 9800003, 9800004, 9800014, 9800015 (also a repeat in one request), leaving others added', () => {
    const { app, groups } = setup();
    const answer = groups.addIotGroupDevice(app, {
      group_id: 'G1',
      device_list: [ref('SN-D', 'm-draft'), ref('NOPE'), ref('SN-R'), ref('SN-C', 'm-cam'), ref('SN-A'), ref('F001'), ref('F001')],
    });
    expect(codes(answer)).toEqual([9800003, 9800004, 9800004, 9800014, 9800015, 0, 9800015]);
    expect(app.devices.get('SN-C')!.groupId).toBeUndefined();
  });

  it('answers 9800018 for a device of another group, and moves it with force_add', () => {
    const { app, groups } = setup();
    value(groups.addIotGroupDevice(app, { group_id: 'G2', device_list: [ref('SN-R', 'm-bell2')] }));
    expect(codes(groups.addIotGroupDevice(app, { group_id: 'G1', device_list: [ref('SN-R', 'm-bell2')] }))).toEqual([9800018]);
    expect(codes(groups.addIotGroupDevice(app, { group_id: 'G1', device_list: [ref('SN-R', 'm-bell2')], force_add: false }))).toEqual([9800018]);
    expect(codes(groups.addIotGroupDevice(app, { group_id: 'G1', device_list: [ref('SN-R', 'm-bell2')], force_add: true }))).toEqual([0]);
    expect(app.groups.get('G2')!.members.has('SN-R')).toBe(false);
    expect(app.groups.get('G1')!.members.has('SN-R')).toBe(true);
    expect(app.devices.get('SN-R')!.groupId).toBe('G1');
  });

  it('answers 9800016 once 50 devices are in, and 9800013 for an unknown group', () => {
    const { app, groups } = setup();
    const fortyNine = fillers.slice(0, 49).map((d) => ref(d.sn));
    expect(codes(groups.addIotGroupDevice(app, { group_id: 'G1', device_list: fortyNine })).every((c) => c === 0)).toBe(true);
    expect(codes(groups.addIotGroupDevice(app, { group_id: 'G1', device_list: [ref('F049'), ref('SN-A')] }))).toEqual([9800016, 9800015]);
    expect(app.devices.get('F049')!.groupId).toBeUndefined();
    const unknown = groups.addIotGroupDevice(app, { group_id: 'G-nope', device_list: [ref('F049')] });
    expect(unknown.ok ? null : unknown.refusal.code).toBe(9800013);
  });

  it('does not move a device into a full group even with force_add', () => {
    const { app, groups } = setup();
    value(groups.addIotGroupDevice(app, { group_id: 'G1', device_list: fillers.slice(0, 49).map((d) => ref(d.sn)) }));
    const g3 = value(groups.createIotGroupId(app, { model_id: 'm-bell', group_name: 'g3' })).group_id;
    value(groups.addIotGroupDevice(app, { group_id: g3, device_list: [ref('F100')] }));
    expect(codes(groups.addIotGroupDevice(app, { group_id: 'G1', device_list: [ref('F100')], force_add: true }))).toEqual([9800016]);
    expect(app.devices.get('F100')!.groupId).toBe(g3);
  });
});

describe('GroupService.removeIotGroupDevice', () => {
  it('removes members and answers 9800017 for non-members (or the wrong model_id); 9800013 for an unknown group', () => {
    const { app, groups } = setup();
    expect(codes(groups.removeIotGroupDevice(app, { group_id: 'G1', device_list: [ref('SN-A', 'm-bell2'), ref('F000'), ref('SN-A'), ref('SN-A')] }))).toEqual([
      9800017, 9800017, 0, 9800017,
    ]);
    expect(app.groups.get('G1')!.members.size).toBe(0);
    expect(app.devices.get('SN-A')!.groupId).toBeUndefined();
    expect(code(groups.removeIotGroupDevice(app, { group_id: 'G-nope', device_list: [ref('SN-A')] }))).toBe(9800013);
  });
});

describe('GroupService.expandGroup', () => {
  const body = { group_id: 'G1', max_device_count: 200 as const, province_name: '广东省', city_name: '深圳市' };

  it('raises the capacity to 200 once (9800044 after), so a 51st device fits and a 201st does not', () => {
    const { app, groups } = setup();
    value(groups.addIotGroupDevice(app, { group_id: 'G1', device_list: fillers.slice(0, 49).map((d) => ref(d.sn)) }));
    expect(codes(groups.addIotGroupDevice(app, { group_id: 'G1', device_list: [ref('F049')] }))).toEqual([9800016]);
    expect(value(groups.expandGroup(app, body))).toEqual({ errcode: 0, errmsg: 'ok', group_id: 'G1' });
    expect(app.groups.get('G1')).toMatchObject({ maxDeviceCount: 200, province: '广东省', city: '深圳市' });
    expect(value(groups.getIotGroupInfo(app, { group_id: 'G1' })).max_device_count).toBe(200);
    const more = fillers.slice(49, 200).map((d) => ref(d.sn));
    expect(codes(groups.addIotGroupDevice(app, { group_id: 'G1', device_list: more.slice(0, 150) })).every((c) => c === 0)).toBe(true);
    expect(codes(groups.addIotGroupDevice(app, { group_id: 'G1', device_list: [ref('F199')] }))).toEqual([9800016]);
    const again = groups.expandGroup(app, body);
    expect(again.ok ? null : [again.refusal.code, again.refusal.stage]).toEqual([9800044, 'state']);
  });

  it('answers 9800013 for an unknown group', () => {
    const { app, groups } = setup();
    expect(code(groups.expandGroup(app, { ...body, group_id: 'G-nope' }))).toBe(9800013);
  });
});

describe('GroupService.list', () => {
  it('shows every group with its members and model type', () => {
    const { app, groups } = setup();
    expect(groups.list(app)).toEqual([
      { groupId: 'G1', name: 'class 1', modelId: 'm-bell', modelType: 'doorbell', maxDeviceCount: 50, members: ['SN-A'] },
      { groupId: 'G2', name: 'class 2', modelId: 'm-bell2', modelType: 'doorbell', maxDeviceCount: 50, members: [] },
    ]);
  });
});

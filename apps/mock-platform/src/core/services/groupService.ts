import {
  errorByKey,
  GROUP_DEFAULT_MAX_DEVICE_COUNT,
  GROUP_EXPANDED_MAX_DEVICE_COUNT,
  type AddIotGroupDeviceRequest,
  type AddIotGroupDeviceSuccess,
  type CreateIotGroupIdRequest,
  type CreateIotGroupIdSuccess,
  type ExpandGroupRequest,
  type ExpandGroupSuccess,
  type GetIotGroupInfoRequest,
  type GetIotGroupInfoSuccess,
  type GroupView,
  type RemoveIotGroupDeviceRequest,
  type RemoveIotGroupDeviceSuccess,
  type WechatDeviceRef,
  type WechatDeviceResult,
} from '@wxvoip/contracts';
import { accept, refuse, type Outcome } from '../refusal.js';
import type { AppState, GroupState } from '../tenant/entities.js';
import type { TenantState } from '../tenant/tenantState.js';

/** Prefix of the group ids `createid` issues. [I] WeChat's group_id format is undocumented. */
export const GROUP_ID_PREFIX = 'wxgroup_';

const OK = { errcode: 0, errmsg: 'ok' } as const;

/**
 * The five device-group routes of `api.weixin.qq.com` (D §4.5–§4.9, §7.4, §8; P §8.4), each given the
 * authenticated app and the validated contract body. A device is in at most one group; `DeviceState.groupId` and
 * `GroupState.members` always agree. Membership is what group-based authorization follows, so removing or
 * moving a device withdraws the group's authorization for it with no further bookkeeping (D §5.2).
 *
 * [I] `adddevice`/`removedevice` answer errcode 0 with one `{ model_id, sn, errcode }` per device sent, in order
 * (D §4.7 "a result per device"); only an unknown group (9800013) refuses the whole request. Per device:
 * 9800003 model_id not an approved model of the app, 9800004 sn not a device of the app or of another model [I:
 * the community "sn not registered" code], then 9800014, 9800015, 9800018, 9800016 (adddevice) or 9800017
 * (removedevice). 9800044 comes from `expand` only; a full expanded group answers 9800016 like a full one [I].
 * WeChat's admin confirmation of frequent changes (D §4.7) is not modelled: every change takes effect at once.
 */
export class GroupService {
  constructor(private readonly state: TenantState) {}

  /** `POST /wxa/business/group/createid` (D §4.5): a new empty group of 50 for an approved model of the app. */
  createIotGroupId(app: AppState, body: CreateIotGroupIdRequest): Outcome<CreateIotGroupIdSuccess> {
    const model = app.models.get(body.model_id);
    if (!model || !model.approved) {
      const why = model ? 'is not approved (device onboarding unfinished)' : `is not a model of ${app.appId}`;
      return refuse('MODEL_ID_CHECK_FAILED', model ? 'capability' : 'notFound', `model_id ${body.model_id} ${why}: create groups with an approved model of this mini program`);
    }
    const groupId = this.newGroupId();
    app.groups.set(groupId, {
      groupId,
      name: body.group_name,
      modelId: model.modelId,
      modelType: model.modelType,
      maxDeviceCount: GROUP_DEFAULT_MAX_DEVICE_COUNT,
      province: undefined,
      city: undefined,
      members: new Set(),
    });
    return accept({ ...OK, group_id: groupId });
  }

  /** `POST /wxa/business/group/getinfo` (D §4.6): name, model, type, members in insertion order, capacity. */
  getIotGroupInfo(app: AppState, body: GetIotGroupInfoRequest): Outcome<GetIotGroupInfoSuccess> {
    const group = this.group(app, body.group_id);
    if (!group.ok) return group;
    const { name, modelId, modelType, maxDeviceCount } = group.value;
    return accept({ ...OK, group_name: name, model_id: modelId, model_type: modelType, device_list: this.memberRefs(app, group.value), max_device_count: maxDeviceCount });
  }

  /**
   * `POST /wxa/business/group/adddevice` (D §4.7). With `force_add`, a device of another group is moved here and
   * leaves its old group (which withdraws that group's authorization for it); without it the device answers 9800018.
   */
  addIotGroupDevice(app: AppState, body: AddIotGroupDeviceRequest): Outcome<AddIotGroupDeviceSuccess> {
    const found = this.group(app, body.group_id);
    if (!found.ok) return found;
    const group = found.value;
    const results = body.device_list.map((ref): WechatDeviceResult => ({ ...ref, errcode: this.addOne(app, group, ref, body.force_add === true) }));
    return accept({ ...OK, device_list: results });
  }

  /** `POST /wxa/business/group/removedevice` (D §4.8): 9800017 per device that is not a member (sn and model_id). */
  removeIotGroupDevice(app: AppState, body: RemoveIotGroupDeviceRequest): Outcome<RemoveIotGroupDeviceSuccess> {
    const found = this.group(app, body.group_id);
    if (!found.ok) return found;
    const group = found.value;
    const results = body.device_list.map((ref): WechatDeviceResult => {
      const device = app.devices.get(ref.sn);
      if (!group.members.has(ref.sn) || device?.modelId !== ref.model_id) return { ...ref, errcode: errorByKey('DEVICE_NOT_IN_GROUP').code };
      group.members.delete(ref.sn);
      device.groupId = undefined;
      return { ...ref, errcode: 0 };
    });
    return accept({ ...OK, device_list: results });
  }

  /** `POST /wxa/business/group/expand` (D §4.9): capacity 200, once (9800044 after that); records province and city. */
  expandGroup(app: AppState, body: ExpandGroupRequest): Outcome<ExpandGroupSuccess> {
    const found = this.group(app, body.group_id);
    if (!found.ok) return found;
    const group = found.value;
    if (group.maxDeviceCount === GROUP_EXPANDED_MAX_DEVICE_COUNT) {
      return refuse('GROUP_ALREADY_EXPANDED', 'state', `group ${group.groupId} already holds up to ${GROUP_EXPANDED_MAX_DEVICE_COUNT} devices, the largest size: create another group`);
    }
    group.maxDeviceCount = body.max_device_count;
    group.province = body.province_name;
    group.city = body.city_name;
    return accept({ ...OK, group_id: group.groupId });
  }

  /** Control API `listGroups`: every group of the app, in creation order (WeChat itself has no list API). */
  list(app: AppState): GroupView[] {
    return [...app.groups.values()].map((g) => ({ groupId: g.groupId, name: g.name, modelId: g.modelId, modelType: g.modelType, maxDeviceCount: g.maxDeviceCount, members: [...g.members] }));
  }

  /** The per-device errcode of adding `ref` to `group` (0 when added or moved), applying the change. */
  private addOne(app: AppState, group: GroupState, ref: WechatDeviceRef, forceAdd: boolean): number {
    const model = app.models.get(ref.model_id);
    if (!model || !model.approved) return errorByKey('MODEL_ID_CHECK_FAILED').code;
    const device = app.devices.get(ref.sn);
    if (!device || device.modelId !== ref.model_id) return errorByKey('SN_NOT_REGISTERED').code;
    if (model.modelType !== group.modelType) return errorByKey('GROUP_DEVICE_TYPE_MISMATCH').code;
    if (device.groupId === group.groupId) return errorByKey('DEVICE_ALREADY_IN_GROUP').code;
    const previous = device.groupId === undefined ? undefined : app.groups.get(device.groupId);
    if (previous && !forceAdd) return errorByKey('DEVICE_IN_OTHER_GROUP').code;
    if (group.members.size >= group.maxDeviceCount) return errorByKey('GROUP_FULL').code;
    previous?.members.delete(device.sn);
    group.members.add(device.sn);
    device.groupId = group.groupId;
    return 0;
  }

  private group(app: AppState, groupId: string): Outcome<GroupState> {
    const group = app.groups.get(groupId);
    if (!group) return refuse('GROUP_ID_INVALID', 'notFound', `group_id ${groupId} is not a group of ${app.appId}: use an id createIotGroupId returned to this app (there is no list API)`);
    return accept(group);
  }

  private memberRefs(app: AppState, group: GroupState): WechatDeviceRef[] {
    return [...group.members].map((sn) => ({ model_id: app.devices.get(sn)?.modelId ?? group.modelId, sn }));
  }

  /** A group id not used by any app of the namespace. */
  private newGroupId(): string {
    for (;;) {
      const id = this.state.ids.sequential(GROUP_ID_PREFIX);
      if (![...this.state.apps.values()].some((app) => app.groups.has(id))) return id;
    }
  }
}

import { z } from 'zod';
import type { SeedAuthorization, SeedDevice, SeedGroup, SeedLicense, SeedModel, SeedUser } from './seedEntities.js';

/** The cross-reference rules of a {@link Seed}, each as the sentence its validation messages end with. */
export const SEED_RULES = {
  uniqueAppId: 'each appId appears once in a seed',
  uniqueModelId: 'a modelId belongs to one app and appears once in the seed',
  uniqueSn: 'an SN belongs to one device of one app (a device is bound to one mini program, D §0.1)',
  uniqueOpenId: "an openId appears once in an app's users",
  uniqueGroupId: 'a groupId appears once in the seed',
  deviceModelExists: "a device's modelId must be one of the same app's models",
  deviceKindMatchesModel: "a device's kind must equal its model's kind",
  authorizationUserExists: "an authorization's openId must be one of the same app's users",
  authorizationDeviceExists: "an authorization's sn must be one of the same app's devices",
  authorizationGroupExists: "an authorization's groupId must be one of the same app's groups",
  authorizationUnique: 'one authorization per openId and target (device or group)',
  groupModelExists: "a group's modelId must be one of the same app's models",
  groupMemberExists: "a group's members must be devices of the same app",
  groupMemberSameModelType: "a group only holds devices whose model has the group model's modelType (D §4.5)",
  groupCapacity: 'a group holds at most maxDeviceCount devices (50, or 200 after expand, D §8)',
  deviceInOneGroup: 'a device is in at most one group (D §8)',
  licenseDeviceExists: "a license's sn must be one of the same app's devices",
  licenseUnique: 'a device has at most one license entry',
} as const;

/** The key of one seed cross-reference rule. */
export type SeedRuleKey = keyof typeof SEED_RULES;

/** The parts of an app the cross-reference rules look at (after defaults). */
export interface SeedAppParts {
  appId: string;
  models: SeedModel[];
  devices: SeedDevice[];
  users: SeedUser[];
  authorizations: SeedAuthorization[];
  groups: SeedGroup[];
  licenses: SeedLicense[];
}

/** Adds one rule violation at `path`: what is wrong, then the rule it breaks. */
export function addSeedIssue(ctx: z.RefinementCtx, path: (string | number)[], rule: SeedRuleKey, what: string): void {
  ctx.addIssue({ code: z.ZodIssueCode.custom, path, message: `${what}: ${SEED_RULES[rule]} [${rule}]` });
}

/** Reports each repeated value of `key` in `items` (after its first use) at `[field, index, key]`. */
function checkUnique<T>(items: T[], key: (item: T) => string, field: string, keyName: string, rule: SeedRuleKey, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const value = key(item);
    if (seen.has(value)) addSeedIssue(ctx, [field, index, keyName], rule, `${field}[${index}].${keyName} '${value}' is repeated`);
    seen.add(value);
  });
}

/** Checks the rules inside one app: ids unique, every reference resolved, group rules held. */
export function checkAppReferences(app: SeedAppParts, ctx: z.RefinementCtx): void {
  const models = new Map(app.models.map((model) => [model.modelId, model]));
  const devices = new Map(app.devices.map((device) => [device.sn, device]));
  const users = new Set(app.users.map((user) => user.openId));
  const groups = new Set(app.groups.map((group) => group.groupId));
  const where = `app '${app.appId}'`;

  checkUnique(app.models, (m) => m.modelId, 'models', 'modelId', 'uniqueModelId', ctx);
  checkUnique(app.devices, (d) => d.sn, 'devices', 'sn', 'uniqueSn', ctx);
  checkUnique(app.users, (u) => u.openId, 'users', 'openId', 'uniqueOpenId', ctx);
  checkUnique(app.groups, (g) => g.groupId, 'groups', 'groupId', 'uniqueGroupId', ctx);
  checkUnique(app.licenses, (l) => l.sn, 'licenses', 'sn', 'licenseUnique', ctx);
  checkUnique(app.authorizations, (a) => `${a.openId}|${a.sn ?? ''}|${a.groupId ?? ''}`, 'authorizations', 'openId', 'authorizationUnique', ctx);

  app.devices.forEach((device, index) => {
    const model = models.get(device.modelId);
    if (!model) {
      addSeedIssue(ctx, ['devices', index, 'modelId'], 'deviceModelExists', `device '${device.sn}' names modelId '${device.modelId}', which is not a model of ${where}`);
    } else if (model.kind !== device.kind) {
      addSeedIssue(ctx, ['devices', index, 'kind'], 'deviceKindMatchesModel', `device '${device.sn}' is '${device.kind}' but model '${model.modelId}' is '${model.kind}'`);
    }
  });

  app.authorizations.forEach((auth, index) => {
    if (!users.has(auth.openId)) {
      addSeedIssue(ctx, ['authorizations', index, 'openId'], 'authorizationUserExists', `openId '${auth.openId}' is not a user of ${where}`);
    }
    if (auth.sn !== undefined && !devices.has(auth.sn)) {
      addSeedIssue(ctx, ['authorizations', index, 'sn'], 'authorizationDeviceExists', `sn '${auth.sn}' is not a device of ${where}`);
    }
    if (auth.groupId !== undefined && !groups.has(auth.groupId)) {
      addSeedIssue(ctx, ['authorizations', index, 'groupId'], 'authorizationGroupExists', `groupId '${auth.groupId}' is not a group of ${where}`);
    }
  });

  const groupOf = new Map<string, string>();
  app.groups.forEach((group, index) => {
    const model = models.get(group.modelId);
    if (!model) {
      addSeedIssue(ctx, ['groups', index, 'modelId'], 'groupModelExists', `group '${group.groupId}' names modelId '${group.modelId}', which is not a model of ${where}`);
    }
    if (group.members.length > group.maxDeviceCount) {
      addSeedIssue(ctx, ['groups', index, 'members'], 'groupCapacity', `group '${group.groupId}' lists ${group.members.length} devices but holds ${group.maxDeviceCount}`);
    }
    group.members.forEach((sn, memberIndex) => {
      const path = ['groups', index, 'members', memberIndex];
      const device = devices.get(sn);
      const deviceModel = device ? models.get(device.modelId) : undefined;
      if (!device) {
        addSeedIssue(ctx, path, 'groupMemberExists', `group '${group.groupId}' lists sn '${sn}', which is not a device of ${where}`);
      } else if (model && deviceModel && deviceModel.modelType !== model.modelType) {
        addSeedIssue(
          ctx,
          path,
          'groupMemberSameModelType',
          `device '${sn}' has modelType '${deviceModel.modelType}' but group '${group.groupId}' holds '${model.modelType}'`,
        );
      }
      const other = groupOf.get(sn);
      if (other !== undefined) {
        addSeedIssue(ctx, path, 'deviceInOneGroup', `device '${sn}' is already a member of group '${other}'`);
      } else {
        groupOf.set(sn, group.groupId);
      }
    });
  });

  app.licenses.forEach((license, index) => {
    if (!devices.has(license.sn)) {
      addSeedIssue(ctx, ['licenses', index, 'sn'], 'licenseDeviceExists', `sn '${license.sn}' is not a device of ${where}`);
    }
  });
}

/** The parts of a seed the cross-app rules look at. */
export interface SeedAppsParts {
  apps: { appId: string; models: { modelId: string }[]; devices: { sn: string }[]; groups: { groupId: string }[] }[];
}

/** Checks the rules across apps: appIds unique, and no modelId, SN or groupId shared by two apps. */
export function checkSeedUniqueness(seed: SeedAppsParts, ctx: z.RefinementCtx): void {
  const appIds = new Set<string>();
  const owners = { modelId: new Map<string, string>(), sn: new Map<string, string>(), groupId: new Map<string, string>() };
  seed.apps.forEach((app, appIndex) => {
    if (appIds.has(app.appId)) addSeedIssue(ctx, ['apps', appIndex, 'appId'], 'uniqueAppId', `appId '${app.appId}' is repeated`);
    appIds.add(app.appId);
    const claim = (kind: keyof typeof owners, value: string, path: (string | number)[], rule: SeedRuleKey) => {
      const owner = owners[kind].get(value);
      if (owner !== undefined && owner !== app.appId) {
        addSeedIssue(ctx, path, rule, `${kind} '${value}' of app '${app.appId}' already belongs to app '${owner}'`);
      } else {
        owners[kind].set(value, app.appId);
      }
    };
    app.models.forEach((m, i) => claim('modelId', m.modelId, ['apps', appIndex, 'models', i, 'modelId'], 'uniqueModelId'));
    app.devices.forEach((d, i) => claim('sn', d.sn, ['apps', appIndex, 'devices', i, 'sn'], 'uniqueSn'));
    app.groups.forEach((g, i) => claim('groupId', g.groupId, ['apps', appIndex, 'groups', i, 'groupId'], 'uniqueGroupId'));
  });
}

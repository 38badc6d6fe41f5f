/**
 * The writer the crash test kills: a platform core with a state store on a data directory, changing its state as
 * fast as it can (each change keeps one invariant: app name `gen-N`, secret `s-N`, users `u-1`…`u-N`, a license with
 * expireTime N) while the store writes it. Prints `ready <N>` once it restored generation N. Killed with SIGKILL at
 * a random moment by `test/stateCrash.e2e.test.ts`; never exits on its own.
 *
 * Usage: node --import tsx test/support/crashWriter.ts <dataDir> (the crash test runs it bundled with esbuild, to start fast)
 */
import { demoSeed } from '@wxvoip/contracts';
import { PlatformCore } from '../../src/core/platformCore.js';
import { openStateStore } from '../../src/platform/stateStore.js';

const APP = 'wx_demo_app';
const dataDir = process.argv[2];
if (dataDir === undefined) throw new Error('usage: crashWriter.ts <dataDir>');

const store = await openStateStore({ dataDir, delayMs: 1, onError: (error) => console.error(error) });
const core = new PlatformCore({ seed: demoSeed, storage: store });
store.attach(core);
const tenant = core.tenant();
const app = tenant.state.app(APP)!;
let generation = /^gen-(\d+)$/.exec(app.name ?? '')?.[1] === undefined ? 0 : Number(/^gen-(\d+)$/.exec(app.name ?? '')![1]);
console.log(`ready ${generation}`);

function step(): void {
  for (let i = 0; i < 5; i++) {
    generation++;
    app.users.set(`u-${generation}`, { openId: `u-${generation}`, nickname: `user ${generation}`, wechatVersion: '8.0.54', dialogDecision: 'accept' });
    app.name = `gen-${generation}`;
    app.secret = `s-${generation}`;
    app.licenses.set('SN-LINUX-0001', { sn: 'SN-LINUX-0001', expireTime: generation, activeNumbers: [] });
    tenant.tokens.getAccessToken({ grant_type: 'client_credential', appid: APP, secret: app.secret });
    core.touch('default');
  }
  setTimeout(step, 1);
}
step();

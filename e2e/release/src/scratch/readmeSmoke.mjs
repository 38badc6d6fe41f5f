// smoke.mjs: node smoke.mjs
import { startMockPlatform } from '@wxvoip/mock-platform';

const platform = await startMockPlatform({ port: 0 });
const res = await fetch(`${platform.url}/cgi-bin/token?grant_type=client_credential&appid=wx_demo_app&secret=demo-app-secret`);
console.log(await res.json()); // { access_token: '…', expires_in: 7200 }
await platform.close();

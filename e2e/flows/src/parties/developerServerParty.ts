import { GetAccessTokenResponse, IotVoipCallResponse, type IotVoipCallRequest } from '@wxvoip/contracts';
import { APP, type FlowEnv } from '../matrix/flowHost.js';

/** The developer's backend: it fetches an access_token and calls WeChat's server APIs over HTTP. */
export interface DeveloperServerParty {
  /** `POST /wxa/business/iot/voip/call` (D §4.10): the `errcode` WeChat answered (0: the call is placed). */
  iotVoipCall(body: IotVoipCallRequest): Promise<number>;
}

/**
 * The demo app's backend on the cell's platform: `GET /cgi-bin/token` with the app's secret (once), then the server
 * API with `?access_token=…`, each request in the cell's namespace (`x-wxvoip-namespace`).
 */
export function developerServerParty(env: FlowEnv): DeveloperServerParty {
  const headers = { 'x-wxvoip-namespace': env.namespace };
  let token: string | undefined;
  const accessToken = async (): Promise<string> => {
    if (token !== undefined) return token;
    const res = await fetch(`${env.url}/cgi-bin/token?grant_type=client_credential&appid=${APP.appId}&secret=${APP.secret}`, { headers });
    const body = GetAccessTokenResponse.parse(await res.json());
    if (!('access_token' in body)) throw new Error(`/cgi-bin/token refused the demo app: errcode ${body.errcode} ${body.errmsg}`);
    token = body.access_token;
    return token;
  };
  return {
    async iotVoipCall(body) {
      const res = await fetch(`${env.url}/wxa/business/iot/voip/call?access_token=${await accessToken()}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return IotVoipCallResponse.parse(await res.json()).errcode;
    },
  };
}

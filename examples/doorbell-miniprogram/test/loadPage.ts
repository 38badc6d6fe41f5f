import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import simulate from 'miniprogram-simulate';

/** The mini program's root folder (where app.json is). */
export const MINIPROGRAM_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../miniprogram');

/** A rendered page: j-component's component, with the page's data and its handlers. */
export type RenderedPage = ReturnType<typeof simulate.render>;

type PageOptions = Record<string, unknown> & { data?: Record<string, unknown> };
type Scope = { Page?: (options: PageOptions) => void; Component: (options: unknown) => void };

/**
 * WeChat's `Page()` constructor, mapped onto the `Component()` constructor miniprogram-simulate provides (it has no
 * `Page`): `data` stays data, every function (lifecycle and handlers) becomes a method, as WeChat's own "pages built
 * with Component()" form does.
 */
function installPageConstructor(): void {
  const scope = globalThis as unknown as Scope;
  scope.Page = (options) => {
    const { data, ...rest } = options;
    const methods = Object.fromEntries(Object.entries(rest).filter(([, value]) => typeof value === 'function'));
    scope.Component({ data: data ?? {}, methods });
  };
}

/**
 * Loads a page of the mini program (its .json, .wxml, .wxss and .js, compiled by miniprogram-simulate with WeChat's
 * own WXML compiler), renders it, attaches it and runs `onLoad(query)` and `onShow()`, as opening the page does.
 * The page's module runs again for every load, as a fresh launch of the mini program would run it.
 *
 * @example
 * const page = loadPage('pages/devices/devices');
 * page.querySelector('#call-SN-LINUX-0001')?.dispatchEvent('tap');
 */
export function loadPage(route: string, query: Record<string, string> = {}): RenderedPage {
  installPageConstructor();
  const id = simulate.load(resolve(MINIPROGRAM_ROOT, route), { rootPath: MINIPROGRAM_ROOT });
  const page = simulate.render(id);
  page.attach(document.createElement('parent-wrapper'));
  const instance = page.instance as unknown as { onLoad?: (query: Record<string, string>) => void; onShow?: () => void };
  instance.onLoad?.(query);
  instance.onShow?.();
  return page;
}

/** The text of the first element matching `selector`, or `null` when the page renders none. */
export function textOf(page: RenderedPage, selector: string): string | null {
  return page.querySelector(selector)?.dom?.textContent ?? null;
}

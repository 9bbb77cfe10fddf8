// Reach into the overlay's closed shadow roots the way a person with DevTools does: Playwright's locators (and
// the page's own script) stop at a closed root, Chromium's DevTools protocol does not. Nodes are found with
// DOM.getDocument({ pierce: true }) and DOM.querySelectorAll on each root, read with Runtime.callFunctionOn, and
// pressed with real input (Input.dispatchMouseEvent at the node's box, key events on the focused node), so the
// overlay sees trusted events, as from a person.
import type { CDPSession, Page } from 'playwright-core';

/** The automated-test attribute every overlay host carries. */
export const HOST_SELECTOR = '[data-stackcast]';

/** A node inside (or the host of) a closed root: a remote object in the page's main world. */
export interface RootNode {
  readonly objectId: string;
}

/** One overlay host and its closed shadow root, in document order. */
export interface OverlayHost {
  host: RootNode;
  /** Null when the host has no shadow root (a clone left by a page's snapshot). */
  root: RootNode | null;
  /** `closed` for every panel Stackcast draws. */
  mode: string | null;
  episode: string | null;
}

interface CdpNode {
  nodeId: number;
  nodeType: number;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
  contentDocument?: CdpNode;
  templateContent?: CdpNode;
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

async function cdp(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

async function resolve(session: CDPSession, nodeId: number): Promise<RootNode> {
  const { object } = await session.send('DOM.resolveNode', { nodeId, objectGroup: 'stackcast-closed-root' });
  if (!object.objectId) throw new Error(`node ${nodeId} could not be resolved`);
  return { objectId: object.objectId };
}

function attributeOf(node: CdpNode, name: string): string | null {
  const list = node.attributes ?? [];
  for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1] ?? '';
  return null;
}

/** Overlay hosts (elements with `data-stackcast`) and their shadow roots, from the whole pierced document. */
async function hostNodes(
  session: CDPSession,
): Promise<Array<{ host: CdpNode; root: (CdpNode & { shadowRootType?: string }) | null }>> {
  const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  const found: Array<{ host: CdpNode; root: (CdpNode & { shadowRootType?: string }) | null }> = [];
  const walk = (node: CdpNode) => {
    if (node.nodeType === 1 && attributeOf(node, 'data-stackcast') !== null)
      found.push({ host: node, root: node.shadowRoots?.[0] ?? null });
    for (const shadow of node.shadowRoots ?? []) walk(shadow);
    if (node.templateContent) walk(node.templateContent);
    for (const child of node.children ?? []) walk(child);
    if (node.contentDocument) walk(node.contentDocument);
  };
  walk(root);
  return found;
}

/**
 * Every overlay host on the page with its (closed) shadow root.
 * @example
 * const [first] = await overlayHosts(page); first.mode // 'closed'
 */
export async function overlayHosts(page: Page): Promise<OverlayHost[]> {
  const session = await cdp(page);
  const nodes = await hostNodes(session);
  return Promise.all(
    nodes.map(async ({ host, root }) => ({
      host: await resolve(session, host.nodeId),
      root: root ? await resolve(session, root.nodeId) : null,
      mode: root?.shadowRootType ?? null,
      episode: attributeOf(host, 'data-stackcast-episode'),
    })),
  );
}

/**
 * Elements matching `selector` inside the closed root of the `host`-th overlay (every overlay when omitted).
 * @example
 * const chapters = await queryAll(page, '[data-stackcast-chapter]', { host: 0 });
 */
export async function queryAll(
  page: Page,
  selector: string,
  options: { host?: number } = {},
): Promise<RootNode[]> {
  const session = await cdp(page);
  const nodes = await hostNodes(session);
  const chosen = options.host === undefined ? nodes : nodes.slice(options.host, options.host + 1);
  const found: RootNode[] = [];
  for (const { root } of chosen) {
    if (!root) continue;
    const { nodeIds } = await session.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
    for (const nodeId of nodeIds) found.push(await resolve(session, nodeId));
  }
  return found;
}

/**
 * The first element matching `selector` in the `host`-th overlay's closed root (the first overlay by default), or null.
 * @example
 * const save = await query(page, '[data-stackcast-save]');
 */
export async function query(
  page: Page,
  selector: string,
  options: { host?: number } = {},
): Promise<RootNode | null> {
  const session = await cdp(page);
  const nodes = await hostNodes(session);
  const root = nodes[options.host ?? 0]?.root;
  if (!root) return null;
  const { nodeId } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  return nodeId ? resolve(session, nodeId) : null;
}

/**
 * Run `fn` with `this` bound to the node (in the page's main world) and return its JSON value.
 * @example
 * await call(page, node, function () { return this.getBoundingClientRect().width; })
 */
export async function call<T, A extends unknown[]>(
  page: Page,
  node: RootNode,
  fn: (this: Element, ...args: A) => T | Promise<T>,
  ...args: A
): Promise<T> {
  const session = await cdp(page);
  const { result, exceptionDetails } = await session.send('Runtime.callFunctionOn', {
    objectId: node.objectId,
    functionDeclaration: fn.toString(),
    arguments: args.map((value) => ({ value })),
    returnByValue: true,
    awaitPromise: true,
  });
  if (exceptionDetails)
    throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value as T;
}

/**
 * An attribute of a node, or null.
 * @example
 * await attribute(page, save, 'aria-pressed') // 'false'
 */
export async function attribute(page: Page, node: RootNode, name: string): Promise<string | null> {
  return call(
    page,
    node,
    function (this: Element, attributeName: string) {
      return this.getAttribute(attributeName);
    },
    name,
  );
}

/**
 * A node's text content.
 * @example
 * await text(page, (await query(page, '.message'))!)
 */
export async function text(page: Page, node: RootNode): Promise<string> {
  return call(page, node, function (this: Element) {
    return this.textContent ?? '';
  });
}

/**
 * Click a node with real mouse input at the centre of its box, as a person does (scrolled into view first).
 * @example
 * await click(page, (await query(page, '[data-stackcast-chapter][data-start="105"]'))!)
 */
export async function click(page: Page, node: RootNode): Promise<void> {
  const session = await cdp(page);
  await session.send('DOM.scrollIntoViewIfNeeded', { objectId: node.objectId });
  const { quads } = await session.send('DOM.getContentQuads', { objectId: node.objectId });
  const quad = quads.find((q) => Math.abs((q[4]! - q[0]!) * (q[5]! - q[1]!)) > 0) ?? quads[0];
  if (!quad) throw new Error('the node has no box to click (hidden or detached)');
  const x = (quad[0]! + quad[2]! + quad[4]! + quad[6]!) / 4;
  const y = (quad[1]! + quad[3]! + quad[5]! + quad[7]!) / 4;
  await session.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
  await session.send('Input.dispatchMouseEvent', {
    type: 'mousePressed',
    x,
    y,
    button: 'left',
    clickCount: 1,
  });
  await session.send('Input.dispatchMouseEvent', {
    type: 'mouseReleased',
    x,
    y,
    button: 'left',
    clickCount: 1,
  });
}

/**
 * Focus a node and press a key on it with real keyboard input (e.g. `Enter`, `Space`, `Tab`).
 * @example
 * await press(page, chapter, 'Enter')
 */
export async function press(page: Page, node: RootNode, key: string): Promise<void> {
  const session = await cdp(page);
  await session.send('DOM.focus', { objectId: node.objectId });
  await page.keyboard.press(key);
}

/**
 * Poll `probe` until it returns something other than null, undefined or false; returns that.
 * @example
 * const save = await waitFor(() => query(page, '[data-stackcast-save][aria-busy="false"]'));
 */
export async function waitFor<T>(
  probe: () => Promise<T | null | undefined | false>,
  timeout = 10_000,
  what = 'the overlay',
): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: unknown = null;
  for (;;) {
    try {
      const value = await probe();
      if (value !== null && value !== undefined && value !== false) return value;
    } catch (error) {
      // The document changed under a query (navigation, a body swap): try again.
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${timeout} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`,
      );
    await new Promise((done) => setTimeout(done, 50));
  }
}

/**
 * For tools that walk `element.shadowRoot` (axe-core): give each overlay host on this page, in this test's
 * page only, an own `shadowRoot` property returning its closed root, obtained over DevTools. Nothing in the
 * extension changes: its roots stay closed, and a page's own script could not do this (it has no DevTools).
 * @example
 * await lendRootsToPage(page); await new AxeBuilder({ page }).include('[data-stackcast]').analyze();
 */
export async function lendRootsToPage(page: Page): Promise<number> {
  let lent = 0;
  for (const { host, root } of await overlayHosts(page)) {
    if (!root) continue;
    const session = await cdp(page);
    await session.send('Runtime.callFunctionOn', {
      objectId: host.objectId,
      functionDeclaration:
        'function (root) { Object.defineProperty(this, "shadowRoot", { configurable: true, get: () => root }); }',
      arguments: [{ objectId: root.objectId }],
    });
    lent += 1;
  }
  return lent;
}

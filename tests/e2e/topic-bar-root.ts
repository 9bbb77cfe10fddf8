// Reach the listing's topic bar in its closed shadow root over the DevTools protocol (as closed-root.ts does for
// the panels, whose hosts carry `data-stackcast`; the bar's carries `data-stackcast-topics`), and press its
// controls with real mouse input.
import type { CDPSession, Page } from 'playwright-core';

export interface BarNode {
  readonly objectId: string;
}

interface CdpNode {
  nodeId: number;
  nodeType: number;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();
function cdp(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

/** The bar's closed root node (CDP node id), or null when the page has no bar. */
async function barRootId(session: CDPSession): Promise<number | null> {
  const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  const stack = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const attributes = node.attributes ?? [];
    if (node.nodeType === 1 && attributes.includes('data-stackcast-topics'))
      return node.shadowRoots?.[0]?.nodeId ?? null;
    stack.push(...(node.children ?? []), ...(node.shadowRoots ?? []));
  }
  return null;
}

/** Every element matching `selector` in the bar's closed root. */
export async function barAll(page: Page, selector: string): Promise<BarNode[]> {
  const session = await cdp(page);
  const rootId = await barRootId(session);
  if (rootId === null) return [];
  const { nodeIds } = await session.send('DOM.querySelectorAll', { nodeId: rootId, selector });
  const found: BarNode[] = [];
  for (const nodeId of nodeIds) {
    const { object } = await session.send('DOM.resolveNode', { nodeId });
    if (object.objectId) found.push({ objectId: object.objectId });
  }
  return found;
}

/** The first element matching `selector` in the bar, or null. */
export async function barQuery(page: Page, selector: string): Promise<BarNode | null> {
  return (await barAll(page, selector))[0] ?? null;
}

/** Run `fn` on a bar node (in the page's main world) and return its JSON value. */
export async function barCall<T>(page: Page, node: BarNode, fn: (this: Element) => T): Promise<T> {
  const session = await cdp(page);
  const { result, exceptionDetails } = await session.send('Runtime.callFunctionOn', {
    objectId: node.objectId,
    functionDeclaration: fn.toString(),
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.text}`);
  return result.value as T;
}

/** Click a bar node with real mouse input at the centre of its box. */
export async function barClick(page: Page, node: BarNode): Promise<void> {
  const session = await cdp(page);
  await session.send('DOM.scrollIntoViewIfNeeded', { objectId: node.objectId });
  const { quads } = await session.send('DOM.getContentQuads', { objectId: node.objectId });
  const quad = quads[0];
  if (!quad) throw new Error('the node has no box to click');
  const x = (quad[0]! + quad[2]! + quad[4]! + quad[6]!) / 4;
  const y = (quad[1]! + quad[3]! + quad[5]! + quad[7]!) / 4;
  for (const type of ['mouseMoved', 'mousePressed', 'mouseReleased'] as const)
    await session.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', clickCount: 1 });
}

/**
 * For axe, which walks `element.shadowRoot`: give the bar's host, in this test's page only, an own `shadowRoot`
 * returning its closed root (as closed-root.ts lendRootsToPage does for the panels). False without a bar.
 */
export async function lendBarRoot(page: Page): Promise<boolean> {
  const session = await cdp(page);
  const rootId = await barRootId(session);
  if (rootId === null) return false;
  const { object: root } = await session.send('DOM.resolveNode', { nodeId: rootId });
  await session.send('Runtime.callFunctionOn', {
    objectId: root.objectId!,
    functionDeclaration:
      'function () { const root = this; Object.defineProperty(root.host, "shadowRoot", { configurable: true, get: () => root }); }',
  });
  return true;
}

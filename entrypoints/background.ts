// Background service worker: validates every message, then hands it to the service that owns it.
import '@/utils/zod-setup';
import { browser } from 'wxt/browser';
import { parseRequest, type Request, type Response } from '@/utils/messages';
import { handlers } from '@/utils/background/handlers';
import { registerCommands } from '@/utils/background/commands';
import { watchSiteAccess } from '@/utils/site-access';
import { registerContextMenu } from '@/utils/background/context-menu';
import { callerOf, originOf, type Caller } from '@/utils/background/caller';
import { registerSync } from '@/utils/background/sync-background';

export default defineBackground(() => {
  registerCommands();
  watchSiteAccess();
  registerContextMenu();
  registerSync();
  browser.runtime.onMessage.addListener((raw: unknown, sender): Promise<Response> | undefined => {
    // Only our own extension's pages and content scripts may talk to us.
    if (sender.id !== browser.runtime.id) {
      console.warn('[stackcast] rejected message from', sender.id ?? sender.url);
      return Promise.resolve({ ok: false, error: 'sender is not this extension' });
    }
    const request = parseRequest(raw);
    if (!request.ok) {
      console.warn('[stackcast] rejected message:', request.error);
      return Promise.resolve(request);
    }
    return dispatch(request.value, callerOf(sender, extensionOrigin()));
  });
});

function extensionOrigin(): string {
  return originOf(browser.runtime.getURL('/')) ?? '';
}

async function dispatch(request: Request, caller: Caller): Promise<Response> {
  const handler = handlers[request.type] as (r: Request, caller: Caller) => Promise<unknown>;
  try {
    return { ok: true, value: await handler(request, caller) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.warn(`[stackcast] ${request.type} failed:`, message);
    return { ok: false, error: message };
  }
}

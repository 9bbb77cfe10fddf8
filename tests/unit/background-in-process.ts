// The background's message dispatch in the test's own process: a component's runtime messages reach the real
// handlers (zod-validated as the service worker validates them) and, through them, the real Dexie stores.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handlers } from '@/utils/background/handlers';
import { EXTENSION_CALLER, type Caller } from '@/utils/background/caller';
import { parseRequest, type Request } from '@/utils/messages';

/**
 * Reset the fake browser and answer its runtime messages with the background's dispatcher, minus the sender
 * check (fake messages have no sender id). Call it in `beforeEach`.
 * @example
 * beforeEach(answerMessagesInProcess);
 */
export function answerMessagesInProcess(): void {
  fakeBrowser.reset();
  fakeBrowser.runtime.onMessage.addListener(async (raw: unknown) => {
    const parsed = parseRequest(raw);
    if (!parsed.ok) return parsed;
    const handler = handlers[parsed.value.type] as (r: Request, caller: Caller) => Promise<unknown>;
    try {
      return { ok: true, value: await handler(parsed.value, EXTENSION_CALLER) };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  });
}

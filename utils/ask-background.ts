// The one way Stackcast's pages and content scripts message the background: the request is typed by the
// message schemas, the answer by what that request's handler returns, and a refusal arrives as a thrown error.
// Types only come from messages.ts: zod stays out of the content script, the background validates on arrival.
import { browser } from 'wxt/browser';
import type { Answer, Request, Response } from './messages';

/**
 * Send a request to the background and return its answer's value. Rejects when the background cannot be
 * reached or does not answer (`unanswered`, worded for the caller's reader), or when it refuses (its reason).
 * @example
 * const saved = await askBackground({ type: 'library:saved', ids: [episode.id] }); // string[]
 */
export async function askBackground<R extends Request>(
  request: R,
  unanswered = 'the background did not answer',
): Promise<Answer<R['type']>> {
  const response = (await browser.runtime.sendMessage(request)) as Response<Answer<R['type']>> | undefined;
  if (!response) throw new Error(unanswered);
  if (!response.ok) throw new Error(response.error);
  return response.value;
}

// The one way Stackcast's pages and content scripts message the background: the request is typed by the
// message schemas, the answer by what that request's handler returns, and a refusal arrives as a thrown error.
// Types only come from messages.ts: zod stays out of the content script, the background validates on arrival.
import { browser } from 'wxt/browser';
import type { Answer, Request, Response } from './messages';

/**
 * Chrome's (and Firefox's) error when no listener got the message: the service worker was stopping (it sleeps
 * after 30 s idle) as the message left. The message was not delivered, so sending it again is safe: the next
 * one starts a new worker, which answers.
 */
const NO_RECEIVER = /Receiving end does not exist/;
/** How long to wait before each new try, in milliseconds; then the error stands. */
const RETRY_DELAYS_MS = [100, 400, 1_000, 2_500];

async function send(request: Request): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await browser.runtime.sendMessage(request);
    } catch (error) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined || !(error instanceof Error) || !NO_RECEIVER.test(error.message)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/**
 * Send a request to the background and return its answer's value (sent again, a few times, when it reached a
 * worker that was stopping). Rejects when the background cannot be reached or does not answer (`unanswered`, worded for the caller's reader), or when it refuses (its reason).
 * @example
 * const saved = await askBackground({ type: 'library:saved', ids: [episode.id] }); // string[]
 */
export async function askBackground<R extends Request>(
  request: R,
  unanswered = 'the background did not answer',
): Promise<Answer<R['type']>> {
  const response = (await send(request)) as Response<Answer<R['type']>> | undefined;
  if (!response) throw new Error(unanswered);
  if (!response.ok) throw new Error(response.error);
  return response.value;
}

// The Markdown export worker: runs a reading-list job off the library page's thread, in a heap of its own
// (the page's 10,000 summaries and its DOM made every garbage collection of an export dear).
import '../../zod-setup';
import { LibraryDatabase } from '../db';
import { answerMarkdownRequest, type MarkdownWorkerRequest } from './markdown-job';

addEventListener('message', (event: MessageEvent<MarkdownWorkerRequest>) => {
  // Its own connection to the extension's database (a worker of an extension page shares its origin).
  void answerMarkdownRequest(event.data, (name) => new LibraryDatabase(name)).then(({ answer, transfer }) =>
    postMessage(answer, { transfer }),
  );
});

// The Markdown export worker: runs a reading-list job off the library page's thread, in a heap of its own
// (the page's 10,000 summaries and its DOM made every garbage collection of an export dear).
import '../../zod-setup';
import { LibraryDatabase } from '../db';
import { runMarkdownJob, type MarkdownJob } from './markdown-job';
import { readingListShardBuffers } from './reading-list-bytes';

addEventListener('message', (event: MessageEvent<MarkdownJob>) => {
  const job = event.data;
  // Its own connection to the extension's database (a worker of an extension page shares its origin).
  const db = new LibraryDatabase(job.dbName);
  void runMarkdownJob(db, job).then((result) => {
    db.close();
    // The shard's buffers move to the page rather than being copied.
    postMessage(result, { transfer: result.ok ? readingListShardBuffers(result.shard) : [] });
  });
});

// Above the library page: why the library has not opened, while an upgrade waits for another tab or when
// a newer Stackcast wrote it. The page's live queries stay silent when opening fails, so this says it.
import { useEffect, useState } from 'preact/hooks';
import type { LibraryDatabase } from '@/utils/library/db';
import { describeStorageError } from '@/utils/library/errors';
import { BLOCKED_MESSAGE } from '@/utils/library/open-problem';

/**
 * Says what to do while opening the library waits for another tab that keeps the older version open
 * (gone once the library opens), or why it cannot open at all (written by a newer Stackcast).
 * @example
 * <LibraryOpenNotice db={libraryDb()} />
 */
export function LibraryOpenNotice({ db }: { db: LibraryDatabase }) {
  const [blocked, setBlocked] = useState(db.blocked);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setBlocked(db.blocked);
    const stop = db.onBlockedChange(setBlocked);
    db.open().catch((error: unknown) => {
      if (live && !db.blocked) setFailure(describeStorageError(error, 'open the library').message);
    });
    return () => {
      live = false;
      stop();
    };
  }, [db]);
  if (!blocked && !failure) return null;
  return (
    <div class="notice error" role="alert" data-stackcast-open-problem={blocked ? 'blocked' : 'failed'}>
      <span>{blocked ? BLOCKED_MESSAGE : failure}</span>
    </div>
  );
}

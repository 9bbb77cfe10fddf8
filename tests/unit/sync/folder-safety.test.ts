// What a folder damaged, tampered with or slow does to a sync: it stops clearly or waits, changing nothing.
import { describe, expect, it } from 'vitest';
import { MemoryFolder } from '@/utils/sync/memory-folder';
import { CorruptFolderError } from '@/utils/sync/files';
import { MANIFEST_PATH, ManifestSchema } from '@/utils/sync/layout';
import { Replica } from './replica';

function snapshot(folder: MemoryFolder): string {
  return JSON.stringify([...folder.files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

async function syncedFolder(): Promise<MemoryFolder> {
  const folder = new MemoryFolder();
  const laptop = new Replica('laptop');
  laptop.edit('a');
  laptop.edit('b');
  await laptop.sync(folder);
  return folder;
}

describe('a damaged sync folder', () => {
  it('stops on a manifest that is not JSON or not Stackcast’s, changing nothing', async () => {
    for (const text of ['{"format": "stackcast-sync", "version": 1', '{"format": "floccus", "version": 1}']) {
      const folder = await syncedFolder();
      folder.files.set(MANIFEST_PATH, { text, etag: '"x"' });
      const desktop = new Replica('desktop');
      desktop.edit('c');
      const before = snapshot(folder);
      await expect(desktop.sync(folder)).rejects.toThrow(CorruptFolderError);
      expect(snapshot(folder)).toBe(before);
      expect(desktop.library().size).toBe(1);
    }
  });

  it('stops on a shard whose bytes are not the ones the manifest names', async () => {
    const folder = await syncedFolder();
    const manifest = ManifestSchema.parse(JSON.parse(folder.files.get(MANIFEST_PATH)!.text));
    const entry = Object.values(manifest.shards)[0]!;
    const file = folder.files.get(entry.file)!;
    folder.files.set(entry.file, { ...file, text: file.text.replace('Example Show', 'Tampered Show') });
    const desktop = new Replica('desktop');
    await expect(desktop.sync(folder)).rejects.toThrow(/content hash differs/);
    expect(desktop.library().size).toBe(0);
  });

  it('waits for a slow server and then completes', async () => {
    const gates: (() => void)[] = [];
    const folder = await syncedFolder();
    folder.faults.delay = () => new Promise<void>((resolve) => gates.push(resolve));
    const desktop = new Replica('desktop');
    let done = false;
    const sync = desktop.sync(folder).then((result) => {
      done = true;
      return result;
    });
    // Let each request through one at a time, as a server that answers slowly would.
    while (!done) {
      await new Promise((resolve) => setImmediate(resolve));
      gates.shift()?.();
    }
    expect((await sync).received).toBe(2);
    expect(desktop.library().size).toBe(2);
  });
});

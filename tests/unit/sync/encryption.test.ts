import { describe, expect, it } from 'vitest';
import { MemoryFolder } from '@/utils/sync/memory-folder';

import {
  FolderNotEncryptedError,
  PassphraseRequiredError,
  WrongPassphraseError,
  open,
  unlock,
} from '@/utils/sync/crypto';
import { MANIFEST_PATH, ManifestSchema } from '@/utils/sync/layout';
import { Replica } from './replica';

function snapshot(folder: MemoryFolder): string {
  return JSON.stringify([...folder.files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe('sync with a passphrase', () => {
  it('keeps only ciphertext of the records on the server and opens it on another device', async () => {
    const folder = new MemoryFolder();
    const laptop = new Replica('laptop');
    laptop.edit('secret-show', (plain) => ({ ...plain, title: 'Private listening', notes: 'my own words' }));
    await laptop.sync(folder, 'correct horse battery staple');
    const manifest = ManifestSchema.parse(JSON.parse(folder.files.get(MANIFEST_PATH)!.text));
    expect(manifest.encryption).toMatchObject({
      kdf: 'PBKDF2-SHA-256',
      iterations: 600_000,
      cipher: 'AES-GCM-256',
    });
    for (const [path, file] of folder.files) {
      if (path === MANIFEST_PATH) continue;
      expect(file.text).not.toContain('Private listening');
      expect(file.text).not.toContain('my own words');
      expect(file.text).not.toContain('secret-show');
    }
    const desktop = new Replica('desktop');
    await desktop.sync(folder, 'correct horse battery staple');
    expect([...desktop.library().values()].map((plain) => plain.title)).toEqual(['Private listening']);
  });

  it('stops on a wrong or missing passphrase and changes nothing, here or there', async () => {
    const folder = new MemoryFolder();
    const laptop = new Replica('laptop');
    laptop.edit('a');
    await laptop.sync(folder, 'right passphrase');
    const desktop = new Replica('desktop');
    desktop.edit('b');
    const before = snapshot(folder);
    await expect(desktop.sync(folder, 'wrong passphrase')).rejects.toThrow(WrongPassphraseError);
    await expect(desktop.sync(folder)).rejects.toThrow(PassphraseRequiredError);
    expect(snapshot(folder)).toBe(before);
    expect(desktop.library().size).toBe(1);
  });

  it('refuses a passphrase for a folder synced without one', async () => {
    const folder = new MemoryFolder();
    const laptop = new Replica('laptop');
    laptop.edit('a');
    await laptop.sync(folder);
    const before = snapshot(folder);
    await expect(new Replica('desktop').sync(folder, 'a passphrase')).rejects.toThrow(
      FolderNotEncryptedError,
    );
    expect(snapshot(folder)).toBe(before);
  });

  it('tells a shard sealed for another shard name from the right one', async () => {
    const folder = new MemoryFolder();
    const laptop = new Replica('laptop');
    laptop.edit('a');
    await laptop.sync(folder, 'passphrase');
    const manifest = ManifestSchema.parse(JSON.parse(folder.files.get(MANIFEST_PATH)!.text));
    const [shard, entry] = Object.entries(manifest.shards)[0]!;
    const sealed = JSON.parse(folder.files.get(entry.file)!.text).sealed;
    const key = await unlock(manifest.encryption!, 'passphrase');
    expect(await open(key, sealed, shard)).toContain('podcast.example');
    await expect(open(key, sealed, shard === '00' ? '01' : '00')).rejects.toThrow(WrongPassphraseError);
  });
});

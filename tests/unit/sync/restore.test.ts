// docs/sync-format.md's "Restoring by hand", followed with nothing but JSON and Node's own crypto.
import { describe, expect, it } from 'vitest';
import { createDecipheriv, pbkdf2Sync } from 'node:crypto';
import { MemoryFolder } from '@/utils/sync/memory-folder';
import { BackupSchema } from '@/utils/library/backup';
import { Replica } from './replica';

interface HandRecord {
  kind: string;
  id: string;
  live: string;
  removed: string | null;
  fields: Record<string, { v: unknown }>;
  sets: Record<string, Record<string, { on: boolean }>>;
  texts: Record<string, { versions: { v: string }[] }>;
}

function episodesByHand(records: HandRecord[]): unknown[] {
  return records
    .filter(
      (record) => record.kind === 'episode' && (record.removed === null || record.removed < record.live),
    )
    .map((record) => ({
      id: record.id,
      ...Object.fromEntries(Object.entries(record.fields).map(([name, field]) => [name, field.v])),
      tags: Object.entries(record.sets.tags ?? {})
        .filter(([, mark]) => mark.on)
        .map(([tag]) => tag),
      notes: record.texts.notes?.versions[0]?.v ?? '',
    }));
}

function currentShards(folder: MemoryFolder): { name: string; json: Record<string, unknown> }[] {
  const manifest = JSON.parse(folder.files.get('manifest.json')!.text);
  return Object.entries(manifest.shards as Record<string, { file: string }>).map(([name, entry]) => ({
    name,
    json: JSON.parse(folder.files.get(entry.file)!.text),
  }));
}

async function libraryWithThreeEpisodes(folder: MemoryFolder, passphrase?: string) {
  const laptop = new Replica('laptop');
  laptop.edit('a', (plain) => ({ ...plain, tags: ['infra'], notes: 'kept' }));
  laptop.edit('b');
  laptop.edit('c');
  laptop.remove('c');
  await laptop.sync(folder, passphrase);
}

describe('restoring from the folder by hand', () => {
  it('turns plaintext shards into a JSON backup the library imports', async () => {
    const folder = new MemoryFolder();
    await libraryWithThreeEpisodes(folder);
    const records = currentShards(folder).flatMap((shard) => shard.json.records as HandRecord[]);
    const backup = BackupSchema.parse({
      format: 'stackcast-library',
      version: 1,
      exportedAt: new Date().toISOString(),
      episodes: episodesByHand(records),
    });
    expect(backup.episodes.map((episode) => episode.id).sort()).toEqual([
      'https://podcast.example/a',
      'https://podcast.example/b',
    ]);
    expect(backup.episodes.find((episode) => episode.id.endsWith('/a'))).toMatchObject({
      tags: ['infra'],
      notes: 'kept',
    });
  });

  it('decrypts sealed shards with PBKDF2-SHA-256 and AES-256-GCM, the shard name as associated data', async () => {
    const folder = new MemoryFolder();
    await libraryWithThreeEpisodes(folder, 'by hand');
    const { encryption } = JSON.parse(folder.files.get('manifest.json')!.text);
    const key = pbkdf2Sync(
      'by hand',
      Buffer.from(encryption.salt, 'base64'),
      encryption.iterations,
      32,
      'sha256',
    );
    const records = currentShards(folder).flatMap(({ name, json }) => {
      const sealed = json.sealed as { iv: string; data: string };
      const data = Buffer.from(sealed.data, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
      decipher.setAAD(Buffer.from(name));
      // WebCrypto appends the 16-byte tag to the ciphertext.
      decipher.setAuthTag(data.subarray(data.length - 16));
      const text = Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]);
      return JSON.parse(text.toString('utf8')) as HandRecord[];
    });
    expect(episodesByHand(records)).toHaveLength(2);
  });
});

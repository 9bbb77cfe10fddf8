// End-to-end encryption of the synced records with the listener's passphrase (WebCrypto only).
import type { Encryption, Manifest, Sealed } from './layout';

/** OWASP's 2023 floor for PBKDF2-HMAC-SHA-256. */
export const PBKDF2_ITERATIONS = 600_000;
/** What the manifest's key check seals: opening it proves the passphrase before any record is read. */
const KEY_CHECK_TEXT = 'stackcast-sync-key-check';

export class WrongPassphraseError extends Error {
  constructor() {
    super(
      'The sync passphrase does not open this folder: nothing was changed. Type the passphrase used on your other devices.',
    );
    this.name = 'WrongPassphraseError';
  }
}

export class PassphraseRequiredError extends Error {
  constructor() {
    super('This sync folder is encrypted: enter its passphrase to sync. Nothing was changed.');
    this.name = 'PassphraseRequiredError';
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** A folder key: derived once per sync from the passphrase and the manifest's salt. */
export interface FolderKey {
  key: CryptoKey;
}

/** Derive the AES-GCM key from the passphrase (PBKDF2-SHA-256 with the folder's salt and iterations). */
export async function deriveKey(passphrase: string, salt: string, iterations: number): Promise<FolderKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  const key = await crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(salt), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
  return { key };
}

/**
 * Seal a text: AES-GCM with a fresh random 96-bit IV. `label` (the shard's name) is authenticated with it,
 * so a server cannot pass one shard's content off as another's.
 */
export async function seal({ key }: FolderKey, text: string, label: string): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(label) },
    key,
    new TextEncoder().encode(text),
  );
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

/** Open a sealed text; a wrong key or altered data throws WrongPassphraseError. */
export async function open({ key }: FolderKey, sealed: Sealed, label: string): Promise<string> {
  try {
    const data = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: new TextEncoder().encode(label) },
      key,
      fromBase64(sealed.data),
    );
    return new TextDecoder().decode(data);
  } catch {
    throw new WrongPassphraseError();
  }
}

/** New encryption parameters for a folder being set up with a passphrase, and its key. */
export async function newEncryption(
  passphrase: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<{ encryption: Encryption; folderKey: FolderKey }> {
  const salt = toBase64(crypto.getRandomValues(new Uint8Array(16)));
  const folderKey = await deriveKey(passphrase, salt, iterations);
  const check = await seal(folderKey, KEY_CHECK_TEXT, 'key-check');
  return {
    encryption: { kdf: 'PBKDF2-SHA-256', iterations, salt, cipher: 'AES-GCM-256', check },
    folderKey,
  };
}

/** The key of an encrypted folder, after its key check proves the passphrase right. */
export async function unlock(encryption: Encryption, passphrase: string | undefined): Promise<FolderKey> {
  if (!passphrase) throw new PassphraseRequiredError();
  const folderKey = await deriveKey(passphrase, encryption.salt, encryption.iterations);
  if ((await open(folderKey, encryption.check, 'key-check')) !== KEY_CHECK_TEXT)
    throw new WrongPassphraseError();
  return folderKey;
}

export class FolderNotEncryptedError extends Error {
  constructor() {
    super(
      'This sync folder is not encrypted, so a passphrase cannot be used with it: clear the passphrase or choose an empty folder. Nothing was changed.',
    );
    this.name = 'FolderNotEncryptedError';
  }
}

/** One derived key kept in memory: PBKDF2 at 600,000 rounds is meant to be slow, and sync runs often. */
let cachedKey: { salt: string; iterations: number; passphrase: string; key: FolderKey } | null = null;

/** The key a sync uses: a new folder's with a passphrase, an encrypted folder's after its key check. */
export async function folderKey(
  manifest: Manifest | null,
  passphrase: string | undefined,
): Promise<{ key: FolderKey | null; encryption: Encryption | null }> {
  if (!manifest) {
    if (!passphrase) return { key: null, encryption: null };
    const fresh = await newEncryption(passphrase);
    return { key: fresh.folderKey, encryption: fresh.encryption };
  }
  const { encryption } = manifest;
  if (!encryption) {
    if (passphrase) throw new FolderNotEncryptedError();
    return { key: null, encryption: null };
  }
  const cached = cachedKey;
  if (
    cached &&
    cached.salt === encryption.salt &&
    cached.iterations === encryption.iterations &&
    cached.passphrase === passphrase
  )
    return { key: cached.key, encryption };
  const key = await unlock(encryption, passphrase);
  cachedKey = { salt: encryption.salt, iterations: encryption.iterations, passphrase: passphrase ?? '', key };
  return { key, encryption };
}

// Typed, validated messages between content script / popup and the background. Every message is
// parsed with zod on arrival; anything that does not parse is rejected with a reason.
import { z } from 'zod';
import { EpisodeSchema, SecondsSchema, type Episode } from './model';
import { CONTENT_COMMANDS } from './content-commands';
import type { SavedEpisode } from './library/record';
import type { SavedChapter } from './library/saved-chapter-record';
import { SyncSettingsSchema, type SyncSettings, type SyncStatus } from './background/sync-settings';
import type { ConnectionResult } from './sync/webdav-connection';

const EpisodeIdSchema = z.string().min(1).max(8_192);

/** Most episodes one page yields (utils/sites/profile MAX_EPISODES_PER_PAGE). */
const MAX_READINGS = 500;
/** Page text is cut to 200,000 characters an episode before it is read; the bounds leave room for markup. */
const PageText = z.string().max(1_000_000);
const Offset = z.number().int().nonnegative().max(10_000_000);
const TechAnchorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tag'), value: PageText }),
  z.object({ kind: z.literal('arrow'), label: PageText, href: PageText, from: Offset, to: Offset }),
  z.object({ kind: z.literal('link'), href: PageText }),
]);

/**
 * One found episode as the content script read it from its page (utils/sites/reading.ts `readEpisode`): plain
 * data that survives structured cloning, everything `parseEpisodeReading` needs. The page fills it unchecked;
 * the background checks each one against this schema before parsing it. {@link EpisodeReading} is its type.
 */
export const EpisodeReadingSchema = z.object({
  id: EpisodeIdSchema,
  title: PageText.nullable(),
  podcast: PageText.nullable(),
  date: PageText.nullable(),
  url: PageText.nullable(),
  audioUrl: PageText.nullable(),
  /** Whole seconds, from the page or the scan options; null when unknown. */
  durationSeconds: z.number().int().nonnegative().max(1_000_000).nullable(),
  /** The notes for the chapter parser (rendered text, and the seconds each time link spans); null when none. */
  notes: z
    .object({
      text: z.string().max(2_000_000),
      marks: z.array(z.object({ start: Offset, end: Offset, value: z.number().finite() })).max(100_000),
    })
    .nullable(),
  /** The notes for the technology extractor: read from the DOM, or `notes` (their plain text); `failed` when unreadable. */
  tech: z
    .discriminatedUnion('kind', [
      z.object({
        kind: z.literal('node'),
        reading: z.object({
          stack: z.array(z.object({ label: PageText, href: PageText.nullable() })).max(100_000),
          anchors: z.array(TechAnchorSchema).max(100_000),
          text: z.string().max(4_000_000),
        }),
      }),
      z.object({ kind: z.literal('notes') }),
      z.object({ kind: z.literal('failed') }),
    ])
    .nullable(),
  /** The adapter's own technology hints (tag badges, stack lists). */
  hints: z.object({
    tags: z.array(PageText).max(10_000).optional(),
    listed: z.array(PageText).max(10_000).optional(),
    links: z.array(PageText).max(10_000).optional(),
  }),
});
export type EpisodeReading = z.infer<typeof EpisodeReadingSchema>;

export const RequestSchema = z.discriminatedUnion('type', [
  /** Save (or update) an episode in the library. */
  z.object({ type: z.literal('library:save'), episode: EpisodeSchema }),
  z.object({ type: z.literal('library:remove'), id: EpisodeIdSchema }),
  /** Which of these episode ids are saved. */
  z.object({ type: z.literal('library:saved'), ids: z.array(EpisodeIdSchema).max(2_000) }),
  z.object({ type: z.literal('library:open'), query: z.string().max(2_000).optional() }),
  /** Star one chapter (the chapter of `episode` starting at `start`): saved on its own, the episode need not be. */
  z.object({ type: z.literal('library:save-chapter'), episode: EpisodeSchema, start: SecondsSchema }),
  z.object({ type: z.literal('library:unsave-chapter'), episodeId: EpisodeIdSchema, start: SecondsSchema }),
  /** Every saved chapter (Stackcast's own pages only). */
  z.object({ type: z.literal('library:list-saved-chapters') }),
  /** The saved chapters' starts of each episode asked (which stars are lit): a listing's panels ask in one message. */
  z.object({
    type: z.literal('library:saved-chapter-starts'),
    episodeIds: z.array(EpisodeIdSchema).max(2_000),
  }),
  /** A listing's "Save all": the episodes not yet saved are added, in one transaction. */
  z.object({ type: z.literal('library:save-many'), episodes: z.array(EpisodeSchema).max(MAX_READINGS) }),
  /** Its undo: remove exactly the episodes that Save all added. */
  z.object({ type: z.literal('library:remove-many'), ids: z.array(EpisodeIdSchema).max(2_000) }),
  /** The content script reports what it found on its tab (badge, popup). */
  z.object({
    type: z.literal('tab:episodes'),
    episodes: z.array(EpisodeSchema).max(2_000),
  }),
  /** The popup asks what the active tab has. */
  z.object({ type: z.literal('tab:get-episodes'), tabId: z.number().int().nonnegative() }),
  /**
   * The content script's episodes, read from its page, to parse here (where the parser's code is warm and the
   * page's main thread is not). Each reading is checked on its own ({@link parseEpisodeReadingMessage}): one
   * odd episode is answered with null, not the whole page rejected.
   */
  z.object({ type: z.literal('parse:episodes'), readings: z.array(z.unknown()).max(MAX_READINGS) }),
  /** Sync (issue 13), Stackcast's own pages only: how the last sync went, and the listener's button. */
  z.object({ type: z.literal('sync:status') }),
  z.object({ type: z.literal('sync:now') }),
  z.object({ type: z.literal('sync:get-settings') }),
  /** Store the sync settings; turning sync on (or changing the server) starts a sync. */
  z.object({ type: z.literal('sync:save-settings'), settings: SyncSettingsSchema }),
  /** "Test connection" with these settings (the page has asked for the host permission first). */
  z.object({
    type: z.literal('sync:test'),
    settings: SyncSettingsSchema,
    createFolder: z.boolean().optional(),
  }),
]);
export type Request = z.infer<typeof RequestSchema>;
export type RequestType = Request['type'];

/** Every response is a value, never a thrown error across the boundary. */
export type Response<T = unknown> = { ok: true; value: T } | { ok: false; error: string };

/** The background's answer to `parse:episodes`. */
export interface ParsedReadings {
  /** One per reading, in order: the episode, or null (nothing to show, or a reading that failed its checks). */
  episodes: Array<Episode | null>;
  /** Time spent in the background, and how many readings were answered from memory (for the benchmark). */
  milliseconds: number;
  cached: number;
}

/**
 * What the background answers to each request: the `value` of an ok {@link Response}. Its handlers are typed
 * against it (utils/background/handlers.ts) and every sender reads it (utils/ask-background.ts).
 */
export interface Answers {
  'library:save': SavedEpisode;
  /** How many episodes were removed (0 or 1). */
  'library:remove': number;
  /** The ids, of those asked, that are saved. */
  'library:saved': string[];
  'library:open': null;
  /** The saved chapter, or null when the episode has no chapter at that start. */
  'library:save-chapter': SavedChapter | null;
  /** Whether a saved chapter was removed. */
  'library:unsave-chapter': boolean;
  /** The most recently saved first. */
  'library:list-saved-chapters': SavedChapter[];
  /** One list of starts (ascending) per id asked, in order. */
  'library:saved-chapter-starts': number[][];
  /** The ids added (those already saved are left alone), in the order given. */
  'library:save-many': string[];
  /** How many episodes were removed. */
  'library:remove-many': number;
  'tab:episodes': null;
  'tab:get-episodes': Episode[];
  'parse:episodes': ParsedReadings;
  'sync:status': SyncStatus;
  /** The status after that sync. */
  'sync:now': SyncStatus;
  'sync:get-settings': SyncSettings;
  'sync:save-settings': SyncSettings;
  'sync:test': ConnectionResult;
}
export type Answer<T extends RequestType> = Answers[T];

/** Largest message we accept, in characters of JSON; bigger ones are rejected unparsed. */
export const MAX_MESSAGE_CHARS = 8 * 1024 * 1024;

/**
 * Validate an incoming message. Returns the typed request or a reason a person can read.
 * @example
 * const r = parseRequest(raw); if (!r.ok) console.warn(r.error);
 */
export function parseRequest(raw: unknown): Response<Request> {
  let size = 0;
  try {
    size = JSON.stringify(raw)?.length ?? 0;
  } catch {
    return { ok: false, error: 'message is not serialisable' };
  }
  if (size > MAX_MESSAGE_CHARS) return { ok: false, error: `message too large (${size} chars)` };
  const parsed = RequestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: `invalid message: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}`.trim(),
    };
  }
  return { ok: true, value: parsed.data };
}

/** Messages the background sends to a content script; validate them there with `parseContentMessage`. */
export const ContentMessageSchema = z.discriminatedUnion('type', [
  /** Run a keyboard command on this tab's episode (the focused or first overlay). */
  z.object({ type: z.literal('command:run'), command: z.enum(CONTENT_COMMANDS) }),
]);
export type ContentMessage = z.infer<typeof ContentMessageSchema>;

/**
 * Validate a message arriving in a content script (check `sender.id === browser.runtime.id` first).
 * @example
 * const m = parseContentMessage(raw); if (m.ok && m.value.type === 'command:run') run(m.value.command);
 */
export function parseContentMessage(raw: unknown): Response<ContentMessage> {
  const parsed = ContentMessageSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: `invalid message: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}`.trim(),
    };
  }
  return { ok: true, value: parsed.data };
}

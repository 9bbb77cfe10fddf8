// On a listing page, a bar above the episodes lists the technologies the whole page talks about (components/
// TopicBar.tsx); choosing one highlights the panels of the episodes about it and marks their chapters.
import { h, render } from 'preact';
import panelCss from '@/components/panel.css?inline';
import topicBarCss from '@/components/topic-bar.css?inline';
import { CATEGORY_CSS } from '@/components/tech-colors';
import { TopicBar, type TopicEpisode } from '@/components/TopicBar';
import { episodeBelongsToPage } from '../../episode-site';
import { episodeIsAbout, pageTopics } from '../../topics/page-topics';
import { LISTING_MIN_EPISODES } from '../limits';
import type { PanelEntry } from '../panels';
import { toReportable } from '../report';
import type { OverlayFeature } from './feature';

/** Attribute on the bar's host (not `data-stackcast`, which marks panels and which a scan sweeps away). */
export const TOPIC_BAR_ATTRIBUTE = 'data-stackcast-topics';
/** Attribute on the host of each panel whose episode is about the chosen technology. */
export const TOPIC_MATCH_ATTRIBUTE = 'data-stackcast-topic-match';
const BAR_STYLES = `${panelCss}\n${CATEGORY_CSS}\n${topicBarCss}`;

export const topicBar: OverlayFeature = {
  name: 'topic-bar',
  starts: 'with-overlay',
  init({ overlay, scans, pageWatch, settings, signal }) {
    let host: HTMLElement | null = null;
    let container: HTMLElement | null = null;
    let chosen: string | null = null;
    let chosenName: string | null = null;
    let names = new Map<string, string>();
    /** Panels told the current choice: a rescan tells only new ones, so a chip a listener chose since stays. */
    let told = new WeakSet<Element>();

    const highlight = () => {
      for (const { panel, detected } of overlay.panels.values()) {
        const about = chosen !== null && episodeIsAbout(detected.episode, chosen);
        panel.host.toggleAttribute(TOPIC_MATCH_ATTRIBUTE, about);
        if (told.has(panel.host)) continue;
        told.add(panel.host);
        panel.command({ type: 'topic', slug: about ? chosen : null, name: chosenName ?? undefined });
      }
    };
    const choose = (slug: string | null) => {
      chosen = slug;
      chosenName = slug === null ? null : (names.get(slug) ?? null);
      told = new WeakSet();
      highlight();
    };
    const remove = () => {
      if (container) render(null, container);
      host?.remove();
      host = container = null;
      if (chosen !== null) choose(null);
    };

    // Once per scan: the counts come from the episodes the scan parsed, not from each panel as it draws.
    scans.onScanned(() => {
      const entries = inPageOrder([...overlay.panels.values()]);
      const topics = pageTopics(entries.map((entry) => entry.detected.episode));
      names = new Map(topics.map((topic) => [topic.slug, topic.name]));
      pageWatch.unobserved(() => {
        if (!settings.current().enabled || entries.length < LISTING_MIN_EPISODES || topics.length === 0) {
          remove();
          return;
        }
        const page = new URL(location.href);
        const episodes: TopicEpisode[] = entries.map(({ detected }) => ({
          episode: detected.episode,
          saved: toReportable(detected.episode),
          audioUrl: detected.episode.audioUrl ?? pageAudio(detected.media),
          saveable: episodeBelongsToPage(detected.episode, page),
        }));
        if (!host || !container) ({ host, container } = createHost());
        const theme = settings.current().theme;
        if (theme === 'auto') host.removeAttribute('data-theme');
        else host.setAttribute('data-theme', theme);
        placeBefore(host, entries[0]!);
        render(h(TopicBar, { topics, episodes, onChoose: choose }), container);
        if (chosen !== null) highlight();
      });
    });
    signal.addEventListener('abort', () => pageWatch.unobserved(remove));
  },
};

function createHost(): { host: HTMLElement; container: HTMLElement } {
  const host = document.createElement('stackcast-topics');
  host.setAttribute(TOPIC_BAR_ATTRIBUTE, '');
  // Closed, like the panels: the page's script can neither read which topic is chosen nor press its buttons.
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = BAR_STYLES;
  const container = document.createElement('div');
  shadow.append(style, container);
  return { host, container };
}

/** Panels in the order their episodes stand on the page (a scan draws those in view first). */
function inPageOrder(entries: PanelEntry[]): PanelEntry[] {
  return entries.sort((a, b) =>
    a.detected.root === b.detected.root
      ? 0
      : a.detected.root.compareDocumentPosition(b.detected.root) & Node.DOCUMENT_POSITION_FOLLOWING
        ? -1
        : 1,
  );
}

/** Put the bar just above the first episode (or its panel, when panels go before their episodes). */
function placeBefore(bar: HTMLElement, first: PanelEntry): void {
  const { root } = first.detected;
  const panel = first.panel.host;
  const above =
    panel.isConnected && panel.compareDocumentPosition(root) & Node.DOCUMENT_POSITION_FOLLOWING
      ? panel
      : root;
  if (above === document.body || above === document.documentElement) return;
  if (bar.nextElementSibling !== above) above.before(bar);
}

/** The page player's own audio address, for an episode whose page has a player but gave no audio URL. */
function pageAudio(media: HTMLMediaElement | null | undefined): string | null {
  const source = media?.currentSrc || media?.getAttribute('src') || '';
  return /^https?:\/\//i.test(source) ? source : null;
}

// A show's technology map: a bar per technology (episodes, and the chapters that talk about it), grouped by
// category, and for the chosen technology the ones it appears with. Plain SVG through Preact; each bar is a
// button (keyboard, aria-pressed, a spoken summary), so the chart is operable, not only looked at. Shared by
// the library page and a listing page's technology bar: it reads only its props.
import type { TechCount, TechPair } from '@/utils/tech/tech-map';
import { groupByCategory, partnersOf } from '@/utils/tech/tech-map';
import type { TechCategory } from '@/utils/model';
import { CATEGORY_HUE, CATEGORY_LABEL } from './tech-colors';

/** Groups in the catalog's category order (tech-colors lists every category in it, without the model). */
const CATEGORY_ORDER = Object.keys(CATEGORY_LABEL) as TechCategory[];

export interface TechMapProps {
  /** Each technology's counts (see techMapOf). */
  counts: readonly TechCount[];
  /** Which technologies appear together; without them there is no "appears with" part. */
  pairs?: readonly TechPair[];
  /** The technology chosen (its bar pressed, its partners shown). */
  selected?: string | null;
  onSelect: (slug: string) => void;
  /** The chart's accessible name. */
  label?: string;
  /** A brand colour (`#rrggbb`) for a technology, when one is known; else the category's hue. */
  colorOf?: (slug: string) => string | undefined;
  /** A logo's address for a technology, when one is known (decorative: the name is always written). */
  logoOf?: (slug: string) => string | undefined;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function barColor(count: TechCount, colorOf: TechMapProps['colorOf']): string {
  return colorOf?.(count.slug) ?? `hsl(${CATEGORY_HUE[count.category]} 55% 48%)`;
}

interface BarProps {
  count: TechCount;
  maxEpisodes: number;
  maxChapters: number;
  pressed: boolean;
  color: string;
  logo?: string;
  onSelect: (slug: string) => void;
  /** "appears with" bars: only the shared episodes. */
  shared?: number;
}

function Bar({ count, maxEpisodes, maxChapters, pressed, color, logo, onSelect, shared }: BarProps) {
  const episodes = shared ?? count.episodes;
  const spoken =
    shared === undefined
      ? `${count.name}: ${plural(count.episodes, 'episode')}, ${plural(count.chapters, 'chapter')}`
      : `${count.name}: together in ${plural(shared, 'episode')}`;
  return (
    <li>
      <button
        type="button"
        class="tech-bar"
        aria-pressed={pressed}
        aria-label={spoken}
        title={spoken}
        data-stackcast-map-tech={count.slug}
        onClick={() => onSelect(count.slug)}
        style={{ '--bar': color }}
      >
        <span class="tech-bar-name">
          {logo && <img class="tech-logo" src={logo} alt="" width={14} height={14} loading="lazy" />}
          {count.name}
        </span>
        <svg class="tech-bar-chart" viewBox="0 0 100 12" preserveAspectRatio="none" aria-hidden="true">
          <rect class="track" x="0" y="0" width="100" height="12" />
          <rect class="episodes" x="0" y="0" width={(100 * episodes) / maxEpisodes} height="7" />
          {shared === undefined && (
            <rect class="chapters" x="0" y="8" width={(100 * count.chapters) / maxChapters} height="4" />
          )}
        </svg>
        <span class="tech-bar-figures" aria-hidden="true">
          {shared === undefined ? `${episodes} · ${count.chapters}` : String(episodes)}
        </span>
      </button>
    </li>
  );
}

/**
 * @example
 * const { counts, pairs } = techMapOf(episodes);
 * <TechMap counts={counts} pairs={pairs} selected="postgres" onSelect={(slug) => filterBy(slug)} />
 */
export function TechMap({ counts, pairs, selected, onSelect, label, colorOf, logoOf }: TechMapProps) {
  const maxEpisodes = Math.max(1, ...counts.map((count) => count.episodes));
  const maxChapters = Math.max(1, ...counts.map((count) => count.chapters));
  const bySlug = new Map(counts.map((count) => [count.slug, count]));
  const chosen = selected ? bySlug.get(selected) : undefined;
  const partners = chosen && pairs ? partnersOf(pairs, chosen.slug) : [];
  const caption = label ?? 'Technologies';
  return (
    <figure class="tech-map" aria-label={caption} data-stackcast-tech-map={counts.length}>
      <figcaption>
        {caption}
        <span class="tech-map-legend">
          <span class="key episodes" aria-hidden="true" /> episodes
          <span class="key chapters" aria-hidden="true" /> chapters
        </span>
      </figcaption>
      {counts.length === 0 && <p class="tech-map-empty">No technologies named yet.</p>}
      <div class="tech-map-groups">
        {groupByCategory(counts, CATEGORY_ORDER).map((group) => (
          <section key={group.category} class="tech-map-group" data-stackcast-map-category={group.category}>
            <h3>{CATEGORY_LABEL[group.category]}</h3>
            <ul aria-label={CATEGORY_LABEL[group.category]}>
              {group.counts.map((count) => (
                <Bar
                  key={count.slug}
                  count={count}
                  maxEpisodes={maxEpisodes}
                  maxChapters={maxChapters}
                  pressed={count.slug === selected}
                  color={barColor(count, colorOf)}
                  logo={logoOf?.(count.slug)}
                  onSelect={onSelect}
                />
              ))}
            </ul>
          </section>
        ))}
      </div>
      {chosen && pairs && (
        <section class="tech-map-pairs" data-stackcast-map-pairs={chosen.slug}>
          <h3>{`Appears with ${chosen.name}`}</h3>
          {partners.length === 0 ? (
            <p class="tech-map-empty">{`No other technology shares an episode with ${chosen.name}.`}</p>
          ) : (
            <ul aria-label={`Appears with ${chosen.name}`}>
              {partners.map((partner) => {
                const count = bySlug.get(partner.slug);
                if (!count) return null;
                return (
                  <Bar
                    key={partner.slug}
                    count={count}
                    maxEpisodes={chosen.episodes}
                    maxChapters={maxChapters}
                    pressed={false}
                    color={barColor(count, colorOf)}
                    logo={logoOf?.(count.slug)}
                    onSelect={onSelect}
                    shared={partner.episodes}
                  />
                );
              })}
            </ul>
          )}
        </section>
      )}
    </figure>
  );
}

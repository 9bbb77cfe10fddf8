// Technology chips: name on a category-coloured pill; implied technologies are shown as such. Where the episode
// has chapters, each chip is a toggle that marks the chapters about its technology, and the technologies only a
// chapter talks about follow the episode's, marked "in a chapter".
import { useState } from 'preact/hooks';
import type { TechMention } from '@/utils/model';
import { CHIPS_SHOWN, clip } from './panel-limits';
import { CATEGORY_HUE, CATEGORY_LABEL } from './tech-colors';
import { trusted } from './trusted';

const SOURCE_LABEL: Record<TechMention['source'], string> = {
  list: 'from the tech stack list',
  tag: 'from a tag',
  text: 'mentioned in the notes',
  implied: 'implied',
};
/** A technology the episode's list does not name, that a chapter talks about. */
const IN_CHAPTER_LABEL = 'talked about in a chapter, not in the episode’s list';

export interface TechChipsProps {
  tech: readonly TechMention[];
  /**
   * Technologies only chapters talk about (see chapterOnlyChips), shown after `tech` as filters: offered only with
   * `counts` and `onChoose`, since choosing one is all such a chip is for.
   */
  chapterOnly?: readonly TechMention[];
  /** Chapters per technology slug; without it (no chapter list) the chips are labels, not filters. */
  counts?: ReadonlyMap<string, number>;
  /** The chosen chip's slug, or null. */
  chosen?: string | null;
  /** Choose a chip, or null to clear the filter. */
  onChoose?(slug: string | null): void;
}

/**
 * One chip per technology, each carrying `data-stackcast-tech="<slug>"` (and `aria-pressed` when a filter).
 * A chip whose technology no chapter names stays a filter: pressing it says "No chapter is about …", which a
 * listener learns from, where a chip that did nothing would look broken.
 * @example
 * <TechChips tech={[{ slug: 'docker', name: 'Docker', category: 'container', source: 'list' }]} />
 */
export function TechChips({ tech: own, chapterOnly = [], counts, chosen = null, onChoose }: TechChipsProps) {
  const [all, setAll] = useState(false);
  const filters = counts !== undefined && onChoose !== undefined;
  const extra = filters ? chapterOnly : [];
  if (own.length + extra.length === 0) return null;
  // Each group shows its first CHIPS_SHOWN, so a long stack list does not hide the few chapter-only chips; the
  // chosen chip stays visible even when it is past them.
  const shown = (group: readonly TechMention[]) =>
    all
      ? group.length
      : Math.min(group.length, Math.max(CHIPS_SHOWN, group.findIndex((m) => m.slug === chosen) + 1));
  const ownShown = shown(own);
  const visible = [...own.slice(0, ownShown), ...extra.slice(0, shown(extra))];
  const hidden = own.length + extra.length - visible.length;
  return (
    <ul class="chips" aria-label={filters ? 'Technologies: choose one to mark its chapters' : 'Technologies'}>
      {visible.map((mention, index) => {
        const name = clip(mention.name, 60);
        const category = CATEGORY_LABEL[mention.category] ?? 'Other';
        const inChapter = index >= ownShown;
        // The colour comes from the category's class (CATEGORY_CSS), not an inline style: a listing has hundreds.
        const hue = mention.category in CATEGORY_HUE ? mention.category : 'other';
        const look = [
          'chip',
          `c-${hue}`,
          mention.source === 'implied' && 'implied',
          inChapter && 'in-chapter',
        ]
          .filter(Boolean)
          .join(' ');
        const how = inChapter ? IN_CHAPTER_LABEL : (SOURCE_LABEL[mention.source] ?? mention.source);
        const title = `${name}: ${category}, ${how}`;
        if (!filters)
          return (
            <li key={mention.slug} class={look} data-stackcast-tech={mention.slug} title={title}>
              {name}
              <span class="visually-hidden"> ({category})</span>
            </li>
          );
        const count = counts.get(mention.slug) ?? 0;
        const pressed = mention.slug === chosen;
        return (
          <li key={mention.slug}>
            {/* Where the chapter-only chips begin, said once in sight; each chip says it to a screen reader. */}
            {index === ownShown && (
              <span class="chips-label" aria-hidden="true">
                In chapters:
              </span>
            )}
            <button
              type="button"
              class={look}
              data-stackcast-tech={mention.slug}
              data-stackcast-in-chapter={inChapter ? '' : undefined}
              aria-pressed={pressed ? 'true' : 'false'}
              title={title}
              onClick={trusted(() => onChoose(pressed ? null : mention.slug))}
            >
              {name}
              <span class="visually-hidden">
                {' '}
                ({category}
                {inChapter ? ', only in chapters' : ''}, {count === 1 ? '1 chapter' : `${count} chapters`})
              </span>
              {count > 0 && (
                <span class="chip-count" aria-hidden="true">
                  {count}
                </span>
              )}
            </button>
          </li>
        );
      })}
      {!all && hidden > 0 && (
        <li>
          <button type="button" onClick={trusted(() => setAll(true))}>
            +{hidden} more
          </button>
        </li>
      )}
    </ul>
  );
}

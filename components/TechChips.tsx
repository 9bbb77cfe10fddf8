// Technology chips: name on a category-coloured pill; implied technologies are shown as such.
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

/**
 * One chip per technology, each carrying `data-stackcast-tech="<slug>"`.
 * @example
 * <TechChips tech={[{ slug: 'docker', name: 'Docker', category: 'container', source: 'list' }]} />
 */
export function TechChips({ tech }: { tech: readonly TechMention[] }) {
  const [all, setAll] = useState(false);
  if (tech.length === 0) return null;
  const visible = all ? tech : tech.slice(0, CHIPS_SHOWN);
  return (
    <ul class="chips" aria-label="Technologies">
      {visible.map((mention) => {
        const name = clip(mention.name, 60);
        const category = CATEGORY_LABEL[mention.category] ?? 'Other';
        return (
          // The colour comes from the category's class (CATEGORY_CSS), not an inline style: a listing has hundreds.
          <li
            key={mention.slug}
            class={`chip c-${mention.category in CATEGORY_HUE ? mention.category : 'other'}${mention.source === 'implied' ? ' implied' : ''}`}
            data-stackcast-tech={mention.slug}
            title={`${name}: ${category}, ${SOURCE_LABEL[mention.source] ?? mention.source}`}
          >
            {name}
            <span class="visually-hidden"> ({category})</span>
          </li>
        );
      })}
      {!all && tech.length > visible.length && (
        <li>
          <button type="button" onClick={trusted(() => setAll(true))}>
            +{tech.length - visible.length} more
          </button>
        </li>
      )}
    </ul>
  );
}

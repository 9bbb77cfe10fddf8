// Technology chips: name on a category-coloured pill; implied technologies are shown as such.
import { useState } from 'preact/hooks';
import type { TechMention } from '@/utils/model';
import { CHIPS_SHOWN, clip } from '@/utils/overlay/limits';
import { CATEGORY_HUE, CATEGORY_LABEL } from './tech-colors';

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
          <li
            key={mention.slug}
            class={mention.source === 'implied' ? 'chip implied' : 'chip'}
            data-stackcast-tech={mention.slug}
            style={{ '--sc-hue': String(CATEGORY_HUE[mention.category] ?? 0) }}
            title={`${name}: ${category}, ${SOURCE_LABEL[mention.source] ?? mention.source}`}
          >
            <span>{name}</span>
            <span class="visually-hidden">({category})</span>
          </li>
        );
      })}
      {!all && tech.length > visible.length && (
        <li>
          <button type="button" onClick={() => setAll(true)}>
            +{tech.length - visible.length} more
          </button>
        </li>
      )}
    </ul>
  );
}

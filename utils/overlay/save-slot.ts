// The library's Save button, placed in each panel's header slot.
import { h, type ComponentChildren } from 'preact';
import { SaveButton } from '@/components/SaveButton';
import type { Episode } from '../model';
import { toReportable } from './report';

/**
 * The Save control for an episode, trimmed to what the library's schema accepts.
 * @example
 * saveButtonFor(episode) // <SaveButton episode={…} />
 */
export function saveButtonFor(episode: Episode): ComponentChildren {
  return h(SaveButton, { episode: toReportable(episode) });
}

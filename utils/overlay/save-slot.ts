// The library's Save button, placed in each panel's header slot.
import { h, type ComponentChildren } from 'preact';
import { SaveButton } from '@/components/SaveButton';
import type { Episode } from '../model';
import { episodeBelongsToPage } from '../episode-site';
import { toReportable } from './report';

/**
 * The Save control for an episode, trimmed to what the library's schema accepts; none for an episode of
 * another site (the background would neither say whether it is saved nor save it from this page: the popup
 * can). A page that declares another site's episode addresses thus learns nothing from our panels.
 * @example
 * saveButtonFor(episode, new URL(location.href)) // <SaveButton episode={…} />
 */
export function saveButtonFor(episode: Episode, page: URL): ComponentChildren {
  const reportable = toReportable(episode);
  if (!episodeBelongsToPage(reportable, page)) return null;
  return h(SaveButton, { episode: reportable });
}

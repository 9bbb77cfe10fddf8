// A podcast directory as an adapter: its profile for episode pages, its listing data for show pages.
import type { FoundEpisode, SiteAdapter } from './types';
import { adapterFromProfile, finishEpisodes, type SiteProfile } from './profile';
import { readEpisodeListing, type EpisodeListing } from './episode-listing';
import { withDataAudio } from './listing-audio';

/**
 * An adapter whose show pages are read with {@link readEpisodeListing}; everything else (episode pages,
 * a show page where no episode link is found, other pages) goes through the profile as before.
 * @example export const spotifyAdapter = directoryAdapter(spotifyProfile, spotifyListing);
 */
export function directoryAdapter(profile: SiteProfile, listing: EpisodeListing): SiteAdapter {
  const base = adapterFromProfile(profile);
  return {
    ...base,
    findEpisodes(doc, url) {
      if (profile.pageKind(url) !== 'listing') return base.findEpisodes(doc, url);
      let found: FoundEpisode[] = readEpisodeListing(doc, url, listing);
      if (found.length === 0) return base.findEpisodes(doc, url);
      // Spotify's data carries preview clips, not episodes (`metadataAudio: false`).
      if (profile.metadataAudio !== false) {
        try {
          found = withDataAudio(doc, url, found);
        } catch {
          // Page data is a bonus: a changed shape must not cost the episodes already found.
        }
      }
      return finishEpisodes(profile, doc, url, found);
    },
  };
}

// Content script: thin on purpose; the overlay lives in utils/overlay (run.ts wires it to this context).
import { startOverlay } from '@/utils/overlay/run';

export default defineContentScript({
  // Podcast directories and runninginproduction.com; any other page only on demand (popup → Scan this page).
  matches: [
    '*://runninginproduction.com/*',
    '*://www.runninginproduction.com/*',
    '*://podcasts.apple.com/*',
    '*://overcast.fm/*',
    '*://www.overcast.fm/*',
    '*://podcastaddict.com/*',
    '*://www.podcastaddict.com/*',
    '*://pocketcasts.com/*',
    '*://www.pocketcasts.com/*',
    '*://play.pocketcasts.com/*',
    '*://listennotes.com/*',
    '*://www.listennotes.com/*',
    '*://podbay.fm/*',
    '*://www.podbay.fm/*',
    '*://player.fm/*',
    '*://www.player.fm/*',
    '*://castbox.fm/*',
    '*://www.castbox.fm/*',
    '*://podchaser.com/*',
    '*://www.podchaser.com/*',
    '*://open.spotify.com/*',
  ],
  runAt: 'document_idle',
  main(ctx) {
    return startOverlay(ctx);
  },
});

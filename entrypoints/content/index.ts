// Content script: thin on purpose; the overlay lives in utils/overlay (run.ts wires it to this context).
import { startOverlay } from '@/utils/overlay/run';
import { CONTENT_SCRIPT_MATCHES } from '@/utils/sites/index';

export default defineContentScript({
  // Exactly the hosts the site adapters claim (derived from the site registry, which this script carries
  // anyway); any other page only on demand (popup → Scan this page) or once the listener enables it.
  matches: CONTENT_SCRIPT_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    return startOverlay(ctx);
  },
});

// Content script: pick the site adapter, parse, mount overlays; re-scan on navigation.
import '@/utils/zod-setup';

export default defineContentScript({
  matches: ['https://runninginproduction.com/*'],
  main() {},
});

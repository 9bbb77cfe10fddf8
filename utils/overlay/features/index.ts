// Every overlay behaviour, in the order each starts: to add one, write a file beside this one and list it here.
import { clickRouting } from './click-routing';
import { commands } from './commands';
import type { OverlayFeature } from './feature';
import { idleLinks } from './idle-links';
import { mutationRescan } from './mutation-rescan';
import { navigation } from './navigation';
import { settingsRescan } from './settings-rescan';
import { topicBar } from './topic-bar';

export const OVERLAY_FEATURES: readonly OverlayFeature[] = [
  settingsRescan,
  mutationRescan,
  idleLinks,
  navigation,
  commands,
  clickRouting,
  topicBar,
];

export type { OverlayContext, OverlayFeature, OverlaySettings } from './feature';

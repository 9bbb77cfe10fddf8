// Small display formats for the library page.
import type { ListenStatus } from '@/utils/library/record';

export const STATUS_LABELS: Record<ListenStatus, string> = {
  'to-listen': 'To listen',
  listening: 'Listening',
  listened: 'Listened',
};

/**
 * @example
 * formatDuration(3725) // '1 h 02 min'
 */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '';
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor(seconds / 60) % 60;
  return hours > 0 ? `${hours} h ${String(minutes).padStart(2, '0')} min` : `${minutes} min`;
}

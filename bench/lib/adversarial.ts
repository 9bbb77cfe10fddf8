// Adversarial inputs for linear-time checks: megabytes of digits, colons, dashes and newlines in shapes that
// make backtracking regexes blow up (long near-miss timestamps, endless runs, no line breaks).
import { random } from '../../tests/unit/library/generate';

export interface AdversarialShape {
  name: string;
  /** Builds exactly `bytes` characters of ASCII. */
  build(bytes: number): string;
}

function repeatTo(unit: string, bytes: number): string {
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

export const ADVERSARIAL_SHAPES: AdversarialShape[] = [
  {
    name: 'random digits/colons/dashes/newlines',
    build: (bytes) => {
      const next = random(42);
      const alphabet = '0123456789::--\n ';
      let out = '';
      for (let i = 0; i < bytes; i += 1) out += alphabet[Math.floor(next() * alphabet.length)];
      return out;
    },
  },
  { name: 'one line of digits and colons (1:2:3:…)', build: (bytes) => repeatTo('1:2:3:45:', bytes) },
  {
    name: 'ascending valid timestamps, one a line',
    build: (bytes) => {
      const lines: string[] = [];
      let length = 0;
      for (let second = 0; length < bytes; second += 1) {
        const line = `${Math.floor(second / 3600)}:${String(Math.floor(second / 60) % 60).padStart(2, '0')}:${String(second % 60).padStart(2, '0')} – t\n`;
        lines.push(line);
        length += line.length;
      }
      return lines.join('').slice(0, bytes);
    },
  },
  { name: 'glued timestamps, no spaces (1:45-1:46-…)', build: (bytes) => repeatTo('1:45-12:30-', bytes) },
  { name: 'near-miss times (1:7 1:75 99:99:99)', build: (bytes) => repeatTo('1:7 1:75 99:99:99 ', bytes) },
  { name: 'digits only, no line break', build: (bytes) => repeatTo('1234567890', bytes) },
  { name: 'dashes and colons only', build: (bytes) => repeatTo('-:-::--:\n', bytes) },
];

export const ADVERSARIAL_SIZES_MB = [1, 2, 4];

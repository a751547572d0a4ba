/** metadata.generateName: prefix (cut to 58 characters) + 5 random characters, as apiserver's names.SimpleNameGenerator. */
import type { AdmissionPlugin } from '../context.js';

const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const MAX_NAME = 63;
const RANDOM_LENGTH = 5;

export function generateName(prefix: string, random: () => number): string {
  const base = prefix.length > MAX_NAME - RANDOM_LENGTH ? prefix.slice(0, MAX_NAME - RANDOM_LENGTH) : prefix;
  let suffix = '';
  for (let i = 0; i < RANDOM_LENGTH; i++) suffix += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return base + suffix;
}

export const generateNamePlugin: AdmissionPlugin = {
  name: 'GenerateName',
  admit({ operation, obj, ctx }) {
    if (operation !== 'CREATE') return;
    const meta = obj.metadata;
    if (!meta.name && meta.generateName) meta.name = generateName(meta.generateName, ctx.random);
  },
};

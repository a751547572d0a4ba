/**
 * The container name kubectl's `create deployment` derives from an image: the last path segment
 * without tag or digest; a name with `_` or `.` has them turned into `-` and gets a random
 * five-character suffix (kubectl's utilrand alphabet), since such a name is no DNS label.
 */
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export function randomSuffix(random: () => number = Math.random, n = 5): string {
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return s;
}

export function containerNameFromImage(image: string, random: () => number = Math.random): string {
  const segments = image.split('/');
  let name = segments[segments.length - 1];
  if (name.includes(':')) name = name.split(':')[0];
  if (name.includes('@')) name = name.split('@')[0];
  if (/[_.]/.test(name)) name = `${name.replace(/_/g, '-').replace(/\./g, '-')}-${randomSuffix(random)}`;
  return name;
}

// Unit numbering as Chinese sales offices write it: floor then a two-digit position,
// so floor 12 position 1 is 1201 and floor 3 position 2 is 302.
export function unitNumber(floor: number, position: number): string {
  return `${floor}${String(position).padStart(2, '0')}`;
}

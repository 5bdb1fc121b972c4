import { InputError } from '../core/input-error.ts';
import type { FieldSource } from './field-parsers.ts';

/**
 * The ids an item or user file has listed so far, with the line of each: a second listing
 * of one id would silently replace the first title or age, so it is an error naming both.
 */
export class ListedIds {
  private readonly lines = new Map<number, number>();

  add(id: number, source: FieldSource): void {
    const first = this.lines.get(id);
    if (first !== undefined) {
      const expected = `an id not listed before (line ${first} lists it)`;
      throw new InputError({ ...source, expected, received: String(id) });
    }
    this.lines.set(id, source.line);
  }
}

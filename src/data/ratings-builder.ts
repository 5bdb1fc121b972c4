import type { Ratings } from './ratings.ts';

/**
 * Appends ratings into typed arrays that grow by doubling, so reading a file of unknown length
 * never holds more than twice the final arrays.
 */
export class RatingsBuilder {
  private user = new Int32Array(1024);
  private item = new Int32Array(1024);
  private rating = new Float32Array(1024);
  private timestamp = new Float64Array(1024);
  length = 0;

  push(user: number, item: number, rating: number, timestamp: number): void {
    if (this.length === this.user.length) this.grow();
    const at = this.length++;
    this.user[at] = user;
    this.item[at] = item;
    this.rating[at] = rating;
    this.timestamp[at] = timestamp;
  }

  /** The ratings read, trimmed to their length (copies, so the builder can be dropped). */
  build(): Ratings {
    return {
      user: this.user.slice(0, this.length),
      item: this.item.slice(0, this.length),
      rating: this.rating.slice(0, this.length),
      timestamp: this.timestamp.slice(0, this.length),
    };
  }

  private grow(): void {
    const size = this.user.length * 2;
    this.user = copyInto(new Int32Array(size), this.user);
    this.item = copyInto(new Int32Array(size), this.item);
    this.rating = copyInto(new Float32Array(size), this.rating);
    this.timestamp = copyInto(new Float64Array(size), this.timestamp);
  }
}

function copyInto<T extends Int32Array | Float32Array | Float64Array>(target: T, source: T): T {
  target.set(source as never);
  return target;
}

/** A binary min-heap of timed events: earliest instant first, then first scheduled (FIFO among equals). */
export class EventQueue<T> {
  private readonly heap: Array<{ at: number; seq: number; value: T }> = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(at: number, value: T): void {
    this.heap.push({ at, seq: this.seq++, value });
    let i = this.heap.length - 1;
    while (i > 0 && this.less(i, (i - 1) >> 1)) {
      this.swap(i, (i - 1) >> 1);
      i = (i - 1) >> 1;
    }
  }

  pop(): { at: number; value: T } | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (top && last && this.heap.length) {
      this.heap[0] = last;
      this.sink(0);
    }
    return top && { at: top.at, value: top.value };
  }

  private sink(i: number): void {
    for (;;) {
      const smallest = [2 * i + 1, 2 * i + 2].filter((c) => c < this.heap.length).reduce((a, c) => (this.less(c, a) ? c : a), i);
      if (smallest === i) return;
      this.swap(i, smallest);
      i = smallest;
    }
  }

  private less(a: number, b: number): boolean {
    const [x, y] = [this.heap[a], this.heap[b]];
    return x.at < y.at || (x.at === y.at && x.seq < y.seq);
  }

  private swap(a: number, b: number): void {
    [this.heap[a], this.heap[b]] = [this.heap[b], this.heap[a]];
  }
}

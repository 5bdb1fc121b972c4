import { tileColumns, tileRows } from './gemm-wasm-function.ts';
import { simdModule } from './simd-module.ts';

/** One matrix operand: `rows x columns` as the product sees it, stored transposed or not. */
export interface Operand {
  data: Float32Array;
  /** Index of the first element in `data`. */
  offset: number;
  transposed: boolean;
}

export interface Product {
  a: Operand;
  b: Operand;
  rows: number;
  depth: number;
  columns: number;
  out: Float32Array;
  outOffset: number;
  /** Added to every row: `columns` values, or one value for all. */
  bias?: Float32Array;
  relu?: boolean;
}

/**
 * Matrix products on a WebAssembly SIMD micro-kernel with its own memory. Operands are
 * packed into that memory in the panel layout the kernel reads sequentially, which also
 * turns both transposed cases into the plain one; the packing is O(n^2) against the
 * kernel's O(n^3).
 */
export class PackedGemm {
  private readonly kernels = simdModule();

  multiply(product: Product): void {
    const { rows, depth, columns } = product;
    if (rows === 0 || columns === 0) return;
    if (depth === 0) return writeOut(product, new Float32Array(rows * columns), columns);

    const mPanels = Math.ceil(rows / tileRows);
    const nPanels = Math.ceil(columns / tileColumns);
    const paddedColumns = nPanels * tileColumns;
    const aStart = 0;
    const bStart = aStart + mPanels * tileRows * depth;
    const cStart = bStart + nPanels * tileColumns * depth;
    const heap = this.kernels.heap(cStart + mPanels * tileRows * paddedColumns);

    packA(product, heap, aStart, mPanels);
    packB(product, heap, bStart, nPanels);
    const rowBytes = paddedColumns * 4;
    this.kernels.gemm(aStart * 4, bStart * 4, cStart * 4, mPanels, nPanels, depth, rowBytes);
    writeOut(product, heap.subarray(cStart), paddedColumns);
  }
}

/** A as panels of `tileRows` rows, each stored depth-major; rows past the end are zero. */
function packA({ a, rows, depth }: Product, heap: Float32Array, start: number, panels: number) {
  const panelSize = tileRows * depth;
  heap.fill(0, start + (panels - 1) * panelSize, start + panels * panelSize);

  const { data, offset } = a;
  if (a.transposed) {
    // Stored depth x rows: read each depth row once, in order.
    for (let k = 0; k < depth; k++) {
      const from = offset + k * rows;
      for (let i = 0; i < rows; i++) {
        heap[start + (i >> 2) * panelSize + k * tileRows + (i & 3)] = data[from + i];
      }
    }
    return;
  }
  for (let i = 0; i < rows; i++) {
    const from = offset + i * depth;
    const to = start + (i >> 2) * panelSize + (i & 3);
    for (let k = 0; k < depth; k++) heap[to + k * tileRows] = data[from + k];
  }
}

/** B as panels of `tileColumns` columns, each stored depth-major; padding columns are 0. */
function packB({ b, depth, columns }: Product, heap: Float32Array, start: number, panels: number) {
  const panelSize = tileColumns * depth;
  heap.fill(0, start + (panels - 1) * panelSize, start + panels * panelSize);

  const { data, offset } = b;
  if (b.transposed) {
    // Stored columns x depth.
    for (let j = 0; j < columns; j++) {
      const from = offset + j * depth;
      const to = start + (j >> 3) * panelSize + (j & 7);
      for (let k = 0; k < depth; k++) heap[to + k * tileColumns] = data[from + k];
    }
    return;
  }
  for (let k = 0; k < depth; k++) {
    const from = offset + k * columns;
    for (let j = 0; j < columns; j++) {
      heap[start + (j >> 3) * panelSize + k * tileColumns + (j & 7)] = data[from + j];
    }
  }
}

function writeOut(product: Product, tile: Float32Array, stride: number): void {
  const { rows, columns, out, outOffset, bias, relu } = product;
  const perColumn = bias !== undefined && bias.length > 1;
  const shared = bias !== undefined && bias.length === 1 ? bias[0] : 0;

  for (let i = 0; i < rows; i++) {
    const from = i * stride;
    const to = outOffset + i * columns;
    for (let j = 0; j < columns; j++) {
      let value = tile[from + j] + (perColumn ? bias[j] : shared);
      if (relu && value < 0) value = 0;
      out[to + j] = value;
    }
  }
}

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
 * Matrix products on a WebAssembly SIMD micro-kernel with its own memory. A is copied in as
 * it lies (the kernel reads either layout); B is packed into the panel layout the kernel
 * reads sequentially, which also turns a transposed B into a plain one. Copying and packing
 * are O(n^2) against the kernel's O(n^3).
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
    const paddedRows = mPanels * tileRows;
    const aStart = 0;
    const bStart = aStart + paddedRows * depth;
    const cStart = bStart + nPanels * tileColumns * depth;
    const heap = this.kernels.heap(cStart + mPanels * tileRows * paddedColumns);

    copyA(product, heap, aStart, paddedRows);
    packB(product, heap, bStart, nPanels);
    const rowBytes = paddedColumns * 4;
    // A plain A is read row by row, a transposed one depth row by depth row.
    const [aRowStride, aDepthStride] = product.a.transposed ? [4, paddedRows * 4] : [depth * 4, 4];
    this.kernels.gemm(aStart * 4, bStart * 4, cStart * 4, mPanels, nPanels, depth, rowBytes,
      aRowStride, aDepthStride);
    writeOut(product, heap.subarray(cStart), paddedColumns);
  }
}

/** A as it is stored, its rows (the product's rows) padded with zeros to `paddedRows`. */
function copyA({ a, rows, depth }: Product, heap: Float32Array, start: number, paddedRows: number) {
  const { data, offset } = a;
  if (!a.transposed) {
    heap.set(data.subarray(offset, offset + rows * depth), start);
    heap.fill(0, start + rows * depth, start + paddedRows * depth);
    return;
  }

  // Stored depth x rows: each depth row gets its padding.
  for (let k = 0; k < depth; k++) {
    const from = offset + k * rows;
    const to = start + k * paddedRows;
    heap.set(data.subarray(from, from + rows), to);
    heap.fill(0, to + rows, to + paddedRows);
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
  if (!bias && !relu) return copyRows(product, tile, stride);

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

/** Plain products leave the kernel's memory as memory copies, one per row at most. */
function copyRows({ rows, columns, out, outOffset }: Product, tile: Float32Array, stride: number) {
  if (stride === columns) {
    out.set(tile.subarray(0, rows * columns), outOffset);
    return;
  }
  for (let i = 0; i < rows; i++) {
    out.set(tile.subarray(i * stride, i * stride + columns), outOffset + i * columns);
  }
}

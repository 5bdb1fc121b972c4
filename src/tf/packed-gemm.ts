import { tileColumns, tileRows } from './gemm-wasm-function.ts';

/** One matrix operand in the heap: `rows x columns` as the product sees it. */
export interface Operand {
  /** Index of the first element in the heap's floats. */
  at: number;
  transposed: boolean;
}

/** C = A B, plus a bias row and a ReLU if asked, with every operand in the wasm heap. */
export interface Product {
  a: Operand;
  b: Operand;
  rows: number;
  depth: number;
  columns: number;
  /** Index of C (rows x columns, row-major) in the heap's floats. */
  out: number;
  /** Added to every row: `size` is `columns`, or 1 for one value added to all. */
  bias?: { at: number; size: number };
  relu: boolean;
}

/** The SIMD functions a product runs on (`wasm-heap.ts`): byte offsets into the heap. */
export interface GemmFunctions {
  gemm: (...args: number[]) => void;
  copyVectors: (...args: number[]) => void;
  transpose4: (...args: number[]) => void;
}

/** Floats of scratch space `multiplyOnHeap` needs for a product of these sizes. */
export function scratchFloats(rows: number, depth: number, columns: number): number {
  const paddedRows = Math.ceil(rows / tileRows) * tileRows;
  const paddedColumns = Math.ceil(columns / tileColumns) * tileColumns;
  return paddedRows * depth + paddedColumns * (depth + 1) + paddedRows * paddedColumns;
}

/**
 * Runs one product on the SIMD micro-kernel (`gemm-wasm-function.ts`) inside the wasm
 * backend's heap. A is packed into row panels and B into column panels, the layouts the
 * kernel reads sequentially; packing turns all four transpose combinations into one case and
 * is O(n^2) against the kernel's O(n^3). Operands whose sizes are whole vectors are packed by
 * SIMD copies and 4 x 4 transposes (`pack-wasm-functions.ts`), others float by float. When
 * C's sizes are whole tiles the kernel writes C in place, bias and ReLU included; otherwise
 * it writes padded tiles to scratch and the rows are copied out.
 */
export function multiplyOnHeap(
  functions: GemmFunctions,
  heap: Float32Array,
  product: Product,
  scratch: number,
): void {
  const { rows, depth, columns } = product;
  if (rows === 0 || columns === 0) return;

  const mPanels = Math.ceil(rows / tileRows);
  const nPanels = Math.ceil(columns / tileColumns);
  const paddedColumns = nPanels * tileColumns;
  const direct = rows % tileRows === 0 && columns % tileColumns === 0;

  const aAt = scratch;
  packA(product, functions, heap, aAt, mPanels);
  const bAt = aAt + mPanels * tileRows * depth;
  packB(product, functions, heap, bAt, nPanels);
  const biasAt = bAt + paddedColumns * depth;
  writeBiasRow(product, heap, biasAt, paddedColumns);
  const cAt = direct ? product.out : biasAt + paddedColumns;

  const rowBytes = (direct ? columns : paddedColumns) * 4;
  functions.gemm(aAt * 4, bAt * 4, biasAt * 4, cAt * 4, rowBytes, mPanels, nPanels, depth,
    product.relu ? 1 : 0);
  if (!direct) copyRows(heap, cAt, paddedColumns, product);
}

/** A as row panels of `tileRows` rows, each stored depth-major; padding rows are 0. */
function packA(
  { a, rows, depth }: Product,
  functions: GemmFunctions,
  heap: Float32Array,
  to: number,
  panels: number,
): void {
  const panelSize = tileRows * depth;
  const [from, panelBytes] = [a.at * 4, panelSize * 4];
  if (a.transposed && rows % tileRows === 0) {
    // Stored depth x rows: each depth row's four floats of a panel are one vector.
    functions.copyVectors(from, rows * 4, 16, to * 4, 16, panelBytes, depth, panels, 1);
    return;
  }
  if (!a.transposed && rows % tileRows === 0 && depth % 4 === 0) {
    // Stored rows x depth: four rows at a time, transposed four depths at a time.
    functions.transpose4(from, depth * 4, panelBytes, to * 4, 16, panelBytes, panels, depth / 4);
    return;
  }

  heap.fill(0, to + (panels - 1) * panelSize, to + panels * panelSize);
  if (a.transposed) {
    for (let k = 0; k < depth; k++) {
      const row = a.at + k * rows;
      const start = to + k * tileRows;
      for (let i = 0; i < rows; i++) heap[start + (i >> 2) * panelSize + (i & 3)] = heap[row + i];
    }
    return;
  }
  for (let i = 0; i < rows; i++) {
    const row = a.at + i * depth;
    const start = to + (i >> 2) * panelSize + (i & 3);
    for (let k = 0; k < depth; k++) heap[start + k * tileRows] = heap[row + k];
  }
}

/** B as panels of `tileColumns` columns, each stored depth-major; padding columns are 0. */
function packB(
  { b, depth, columns }: Product,
  functions: GemmFunctions,
  heap: Float32Array,
  to: number,
  panels: number,
): void {
  const panelSize = tileColumns * depth;
  const [from, panelBytes] = [b.at * 4, panelSize * 4];
  const whole = columns % tileColumns === 0;
  if (!b.transposed && whole) {
    // Stored depth x columns: each depth row of a panel is two vectors.
    functions.copyVectors(from, columns * 4, tileColumns * 4, to * 4, tileColumns * 4,
      panelBytes, depth, panels, tileColumns / 4);
    return;
  }
  if (b.transposed && whole && depth % 4 === 0) {
    // Stored columns x depth: each half panel is four columns, transposed as A's rows are.
    for (const half of [0, 1]) {
      functions.transpose4(from + half * 4 * depth * 4, depth * 4, tileColumns * depth * 4,
        to * 4 + half * 16, tileColumns * 4, panelBytes, panels, depth / 4);
    }
    return;
  }

  heap.fill(0, to + (panels - 1) * panelSize, to + panels * panelSize);
  if (b.transposed) {
    for (let j = 0; j < columns; j++) {
      const column = b.at + j * depth;
      const start = to + (j >> 3) * panelSize + (j & 7);
      for (let k = 0; k < depth; k++) heap[start + k * tileColumns] = heap[column + k];
    }
    return;
  }
  for (let k = 0; k < depth; k++) {
    const row = b.at + k * columns;
    const start = to + k * tileColumns;
    for (let j = 0; j < columns; j++) heap[start + (j >> 3) * panelSize + (j & 7)] = heap[row + j];
  }
}

function writeBiasRow({ bias, columns }: Product, heap: Float32Array, to: number, width: number) {
  heap.fill(0, to, to + width);
  if (!bias) return;

  if (bias.size === 1) heap.fill(heap[bias.at], to, to + columns);
  else heap.copyWithin(to, bias.at, bias.at + columns);
}

/** Padded tiles to C's rows: one memory move per row. */
function copyRows(heap: Float32Array, from: number, stride: number, product: Product): void {
  const { rows, columns, out } = product;
  for (let i = 0; i < rows; i++) {
    heap.copyWithin(out + i * columns, from + i * stride, from + i * stride + columns);
  }
}

import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { sumIntoSegments } from './sum-into-segments.ts';

/**
 * The wasm backend has no UnsortedSegmentSum, yet the gradient of every embedding lookup
 * (gather) needs it: it scatters the rows of dy back onto the embedding rows they came from.
 * This kernel does that in JavaScript on the backend's own heap, so no tensor leaves wasm
 * memory. Rows whose segment id is out of range are dropped, as TensorFlow does.
 */
export const wasmUnsortedSegmentSum: KernelConfig = {
  kernelName: 'UnsortedSegmentSum',
  backendName: 'wasm',
  kernelFunc: ({ inputs, attrs, backend }) => {
    const wasm = backend as BackendWasm;
    const x = inputs.x as TensorInfo;
    const segmentIds = inputs.segmentIds as TensorInfo;
    const numSegments = (attrs as { numSegments: number }).numSegments;

    const rows = segmentIds.shape.reduce((a, b) => a * b, 1);
    const width = rows === 0 ? 0 : x.shape.reduce((a, b) => a * b, 1) / rows;
    const outShape = [numSegments, ...x.shape.slice(segmentIds.shape.length)];
    const out = wasm.makeOutput(outShape, x.dtype);

    const values = wasm.typedArrayFromHeap(x);
    const ids = wasm.typedArrayFromHeap(segmentIds);
    const sums = wasm.typedArrayFromHeap(out);
    sums.fill(0);

    sumIntoSegments(values, ids.subarray(0, rows), sums, width, numSegments);
    return out;
  },
};

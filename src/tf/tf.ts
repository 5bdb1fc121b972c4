/**
 * The one place the program imports TensorFlow.js from, so every module shares one engine
 * and the backend chosen by `initBackend` applies everywhere.
 */
export * as tf from '@tensorflow/tfjs';

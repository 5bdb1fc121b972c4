import type { EvaluationMetrics } from './evaluate-model.ts';

/**
 * Tells apart several trainings of one model type in one results table. An evaluation
 * names its model by type ('dnn'); a pipeline that trains the DNN twice on a split with
 * different settings would give two rows that read alike and a mean over settings as if
 * they were splits. Where a type comes with more than one set of hyperparameters, each
 * evaluation is relabelled with the settings that differ, e.g. `dnn (hidden=[6,10])`.
 * Evaluations without recorded hyperparameters (written by an earlier version) keep their
 * labels.
 */
export function labelVariants(evaluations: EvaluationMetrics[]): EvaluationMetrics[] {
  const settingsByModel = new Map<string, Map<string, Record<string, unknown>>>();
  for (const { model, hyperParameters } of evaluations) {
    if (!hyperParameters) continue;
    const variants = settingsByModel.get(model) ?? new Map();
    variants.set(canonical(hyperParameters), hyperParameters);
    settingsByModel.set(model, variants);
  }

  return evaluations.map((evaluation) => {
    const variants = settingsByModel.get(evaluation.model);
    if (!evaluation.hyperParameters || !variants || variants.size < 2) return evaluation;
    const differing = differingKeys([...variants.values()]);
    const settings = differing
      .map((key) => `${key}=${JSON.stringify(evaluation.hyperParameters![key]) ?? 'unset'}`);
    return { ...evaluation, model: `${evaluation.model} (${settings.join(', ')})` };
  });
}

/** The model type a label starts with: `dnn (hidden=[6])` is a dnn. */
export function modelType(label: string): string {
  return label.split(' (')[0];
}

function differingKeys(variants: Record<string, unknown>[]): string[] {
  const keys = [...new Set(variants.flatMap((variant) => Object.keys(variant)))].sort();
  return keys.filter((key) => new Set(variants.map((v) => JSON.stringify(v[key]))).size > 1);
}

/** The same settings give the same string whatever the order of their keys. */
function canonical(settings: Record<string, unknown>): string {
  return JSON.stringify(Object.keys(settings).sort().map((key) => [key, settings[key]]));
}

/** The ratings a data set allows: from min to max in steps of step (0.5 for half stars). */
export interface RatingScale {
  min: number;
  max: number;
  step: number;
}

export const starScale: RatingScale = { min: 1, max: 5, step: 1 };
export const halfStarScale: RatingScale = { min: 0.5, max: 5, step: 0.5 };

export function describeScale(scale: RatingScale): string {
  return `a rating from ${scale.min} to ${scale.max} in steps of ${scale.step}`;
}

export function isOnScale(value: number, scale: RatingScale): boolean {
  if (!(value >= scale.min && value <= scale.max)) return false;
  const steps = (value - scale.min) / scale.step;
  return Math.abs(steps - Math.round(steps)) < 1e-9;
}

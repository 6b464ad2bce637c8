export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export const ms = (value: number) => `${value.toFixed(1)} ms`;

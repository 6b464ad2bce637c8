import { severity, worst } from './severity';

it('worst picks the most severe level and ignores unknowns', () => {
  expect(worst('ok', undefined, 'warning')).toBe('warning');
  expect(worst('critical', 'warning')).toBe('critical');
  expect(worst(undefined)).toBe('ok');
});

it('ranks critical over warning over ok', () => {
  expect(severity('critical')).toBeGreaterThan(severity('warning'));
  expect(severity('warning')).toBeGreaterThan(severity('ok'));
});

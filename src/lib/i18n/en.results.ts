import type { ResultsMessageKey } from './zh-CN.results';

/** Targets and results on a card, in English; typed against the Chinese ones. */
export const enResults: Record<ResultsMessageKey, string> = {
  'results.heading': 'Targets and results',
  'results.measured': '{measured} of {count} measured',
  'results.none': 'No targets yet.',
  'results.noneEditor':
    'No targets yet. Set them at planning (sales, store visitors…) and record the actuals at evaluation.',
  'results.name': 'Target',
  'results.goal': 'goal {goal}',
  'results.actual': 'Actual',
  'results.actualOf': 'Actual of “{name}”',
  'results.attainment': 'Attained',
  'results.cost': 'Cost each / ROI',
  'results.perResult': '{amount} each',
  'results.perResultNoUnit': '{amount} each',
  'results.roi': 'ROI {ratio}',
  'results.basis': 'Cost per result and ROI are worked out from {spent} spent.',
  'results.noSpend': 'Nothing spent yet: cost per result and ROI follow the first expense.',
  'results.remove': 'Remove target “{name}”',
  'results.suggested': 'Common targets',
  'results.add': 'Add target',
  'results.newName': 'Target name',
  'results.kind': 'Kind',
  'results.kind.count': 'Count',
  'results.kind.money': 'Amount',
  'results.kind.percent': 'Percentage',
  'results.unit': 'Unit',
  'results.value': 'Goal',
  'results.badNumber':
    'Enter a number of zero or more: amounts with at most two decimals, percentages up to 10,000',
  'results.badName': 'Give the target a name'
};

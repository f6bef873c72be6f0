/** Messages of the collection forecast's cuts, its weekly schedule and its accuracy by horizon. */
export const forecastCuts = {
  fr: {
    'forecastCuts.byHorizonHeading':
      'Par horizon : chaque semaine écoulée face à la dernière prévision faite autant de semaines avant',
    'forecastCuts.col.horizon': 'Horizon',
    'forecastCuts.horizonWeeks': '{weeks, plural, one {# semaine} other {# semaines}}',
    'forecastCuts.col.weeks': 'Semaines mesurées',
    'forecastCuts.col.forecast': 'Prévu',
    'forecastCuts.col.actual': 'Encaissé',
    'forecastCuts.col.wape': 'WAPE',
    'forecastCuts.col.bias': 'Biais',
    'forecastCuts.col.inside': 'Dans la fourchette',
    'forecastCuts.insideOf': '{inside} sur {weeks}',
  },
  en: {
    'forecastCuts.byHorizonHeading':
      'By horizon: each elapsed week against the latest forecast made that many weeks before',
    'forecastCuts.col.horizon': 'Horizon',
    'forecastCuts.horizonWeeks': '{weeks, plural, one {# week} other {# weeks}}',
    'forecastCuts.col.weeks': 'Weeks measured',
    'forecastCuts.col.forecast': 'Forecast',
    'forecastCuts.col.actual': 'Received',
    'forecastCuts.col.wape': 'WAPE',
    'forecastCuts.col.bias': 'Bias',
    'forecastCuts.col.inside': 'Inside the band',
    'forecastCuts.insideOf': '{inside} of {weeks}',
  },
};

/** The KPIs a report offers (SV9), as the server names them; `insights.kpi.<name>` labels each. */
export const KPI_NAMES = [
  'conversationsIn',
  'conversationsHandled',
  'conversationsAbandoned',
  'abandonRate',
  'averageSpeedOfAnswer',
  'averageHandleTime',
  'averageWrapUpTime',
  'averageFirstResponseTime',
  'firstResponseServiceLevel',
  'transferRate',
  'rejectionRate',
  'timeoutRate',
  'serviceLevel20',
  'serviceLevel30',
  'serviceLevel60',
  'csatSatisfied',
  'csatAverage',
  'sentimentAverage',
  'sentimentNegativeShare',
] as const;
export type KpiName = (typeof KPI_NAMES)[number];

/** What a supervisor asks first: volume, waits, handling and the 80/20 service level. */
export const DEFAULT_KPIS: KpiName[] = [
  'conversationsIn',
  'conversationsHandled',
  'conversationsAbandoned',
  'averageSpeedOfAnswer',
  'averageHandleTime',
  'serviceLevel20',
];

export const isKpiName = (name: string): name is KpiName => (KPI_NAMES as readonly string[]).includes(name);

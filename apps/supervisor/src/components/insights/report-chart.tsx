import { Caption1, Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { MeasureUnit, Report } from '@switchboard/protocol';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { useT } from '../../i18n';
import { formatMeasure } from '../../lib/insights-format';
import { chartData } from '../../lib/report-chart-data';
import { groupColumns, kpiLabel, periodLabel, type ColumnContext } from '../../lib/report-columns';

const useStyles = makeStyles({
  grid: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  card: { padding: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

// Fluent's palette as plain colours: SVG attributes take no CSS variables.
const COLOURS = ['#0f6cbd', '#c50f1f', '#107c10', '#8764b8', '#ca5010', '#038387', '#4f6bed', '#986f0b'];
const WIDTH = 440;
const HEIGHT = 240;

/** One small chart per KPI (each with its own unit on the axis): lines over time, or bars for a total. */
export function ReportCharts({ report, ctx }: { report: Report; ctx: ColumnContext }) {
  const styles = useStyles();
  const { t } = useT();
  const groups = groupColumns(report, ctx);
  const labels = {
    period: (row: Report['rows'][number]) => periodLabel(report, row, ctx.timeZone),
    group: (row: Report['rows'][number]) => groups.map((g) => g.text(row)).join(' · ') || t('insights.report.all'),
  };
  const charts = report.measures.map((m) => ({ ...m, data: chartData(report, m.name, labels, COLOURS.length) }));
  const hidden = charts[0] && charts[0].data.groups > charts[0].data.series.length ? charts[0].data : null;
  const days = new Set(charts[0]?.data.points.map((p) => p.x.slice(0, 10)));
  // Hours of one day need no date on the axis.
  const tick = (x: string) => (report.bucket === 'hour' ? (days.size > 1 ? x.slice(5) : x.slice(11)) : x);

  return (
    <div data-testid="report-charts">
      {hidden && (
        <Caption1 className={styles.muted}>
          {t('insights.report.moreSeries', { shown: hidden.series.length, total: hidden.groups })}
        </Caption1>
      )}
      <div className={styles.grid}>
        {charts.map(({ name, unit, data }) => {
          const format = (v: unknown) => formatMeasure(typeof v === 'number' ? v : null, unit, ctx.language);
          return (
            <Card key={name} className={styles.card} data-testid="report-chart" data-measure={name}>
              <Text weight="semibold">{kpiLabel(t, name)}</Text>
              {report.bucket === 'total' ? (
                <BarChart width={WIDTH} height={HEIGHT} data={data.points}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="x" />
                  <YAxis
                    tickFormatter={format}
                    domain={domainOf(unit)}
                    allowDecimals={unit === 'share' || unit === 'score'}
                    width={64}
                  />
                  <Tooltip formatter={format} />
                  <Bar dataKey="value" name={kpiLabel(t, name)} fill={COLOURS[0]} isAnimationActive={false} />
                </BarChart>
              ) : (
                <LineChart width={WIDTH} height={HEIGHT} data={data.points}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="x" tickFormatter={tick} />
                  <YAxis
                    tickFormatter={format}
                    domain={domainOf(unit)}
                    allowDecimals={unit === 'share' || unit === 'score'}
                    width={64}
                  />
                  <Tooltip formatter={format} />
                  <Legend />
                  {data.series.map((s, i) => (
                    <Line
                      key={s.key}
                      dataKey={s.key}
                      name={s.name}
                      stroke={COLOURS[i % COLOURS.length]}
                      type="monotone"
                      dot={data.points.length < 2}
                      isAnimationActive={false}
                    />
                  ))}
                </LineChart>
              )}
            </Card>
          );
        })}
      </div>
    </div>
  );
}

/** Shares always on 0..100 %, so two charts of rates compare at a glance; the rest from zero up. */
function domainOf(unit: MeasureUnit): [number, number | 'auto'] | undefined {
  if (unit === 'share') return [0, 1];
  return unit === 'score' ? undefined : [0, 'auto'];
}

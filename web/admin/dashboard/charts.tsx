// Charts of the dashboard (recharts): the trend over the period and horizontal bars per
// dimension. Each chart carries a visually hidden table with the same numbers for screen readers.
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { fmtDay, fmtNum, type DashboardData } from './data.ts'
import { tr } from '../i18n.ts'

const BLUE = '#0b5394'
const GREEN = '#1e7b4a'

export function TrendChart({ data }: { data: DashboardData }) {
  const g = data.period.granularity
  const rows = data.trend.map((p) => ({ ...p, label: fmtDay(p.bucket, g) }))
  return (
    <figure className="dash-figure">
      <div className="dash-chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid stroke="#e3e8ef" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#4a5563' }} interval="preserveStartEnd" minTickGap={16} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: '#4a5563' }} width={44} />
            <Tooltip formatter={(v) => fmtNum(Number(v))} />
            <Legend wrapperStyle={{ fontSize: 13 }} />
            <Line type="monotone" dataKey="received" name={tr('Laporan masuk', 'Reports received')} stroke={BLUE} strokeWidth={2} dot={rows.length < 40} isAnimationActive={false} />
            <Line type="monotone" dataKey="answered" name={tr('Sudah dijawab', 'Answered')} stroke={GREEN} strokeWidth={2} dot={false} strokeDasharray="5 3" isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <table className="sr-only">
        <caption>{g === 'day' ? tr('Tren laporan per hari', 'Reports per day') : g === 'week' ? tr('Tren laporan per minggu', 'Reports per week') : tr('Tren laporan per bulan', 'Reports per month')}</caption>
        <thead>
          <tr>
            <th scope="col">{tr('Periode', 'Period')}</th>
            <th scope="col">{tr('Laporan masuk', 'Reports received')}</th>
            <th scope="col">{tr('Sudah dijawab', 'Answered')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.bucket}>
              <td>{r.label}</td>
              <td>{fmtNum(r.received)}</td>
              <td>{fmtNum(r.answered)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}

export interface BarItem {
  key: string
  label: string
  count: number
}

/** Horizontal bars, largest first; at most `max` rows, the rest summed as "Lainnya". */
export function BarPanel({ title, items, max = 8, onPick }: { title: string; items: BarItem[]; max?: number; onPick?: (key: string) => void }) {
  const shown = items.slice(0, max)
  const rest = items.slice(max).reduce((s, i) => s + i.count, 0)
  const rows = rest > 0 ? [...shown, { key: '', label: tr('Lainnya', 'Other'), count: rest }] : shown
  const height = Math.max(80, rows.length * 30 + 16)
  return (
    <section className="card dash-panel" aria-label={title}>
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p className="empty">{tr('Tidak ada laporan untuk filter ini.', 'No reports for this filter.')}</p>
      ) : (
        <>
          <div aria-hidden="true">
            <ResponsiveContainer width="100%" height={height}>
              <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 40, bottom: 0, left: 0 }}>
                <XAxis type="number" hide allowDecimals={false} />
                <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 12, fill: '#1a2330' }} interval={0} />
                <Tooltip formatter={(v) => fmtNum(Number(v))} cursor={{ fill: '#eef1f5' }} />
                <Bar
                  dataKey="count"
                  name={tr('Laporan', 'Reports')}
                  fill={BLUE}
                  radius={[0, 3, 3, 0]}
                  isAnimationActive={false}
                  label={{ position: 'right', fontSize: 12, fill: '#1a2330', formatter: (v: unknown) => fmtNum(Number(v)) }}
                  onClick={onPick ? (d: { payload?: BarItem }) => d.payload?.key && onPick(d.payload.key) : undefined}
                  cursor={onPick ? 'pointer' : undefined}
                />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <table className="sr-only">
            <caption>{title}</caption>
            <tbody>
              {rows.map((r) => (
                <tr key={r.label}>
                  <th scope="row">{r.label}</th>
                  <td>{fmtNum(r.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  )
}

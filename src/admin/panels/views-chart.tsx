// A small inline SVG bar chart of views per hour (the article panel's last 48 hours).
import * as React from 'react';

export interface HourViews {
  at: string;
  views: number;
}

const WIDTH = 240;
const HEIGHT = 56;

export function ViewsChart({ hours }: { hours: HourViews[] }) {
  const max = Math.max(1, ...hours.map((h) => h.views));
  const bar = WIDTH / Math.max(1, hours.length);
  const first = hours[0]?.at;
  const last = hours[hours.length - 1]?.at;
  const label = `Views per hour${first && last ? ` from ${new Date(first).toLocaleString()} to ${new Date(last).toLocaleString()}` : ''}; peak ${max}`;
  return (
    <svg width="100%" viewBox={`0 0 ${WIDTH} ${HEIGHT + 1}`} role="img" aria-label={label} data-testid="newsroom-views-chart">
      <title>{label}</title>
      <line x1={0} y1={HEIGHT + 0.5} x2={WIDTH} y2={HEIGHT + 0.5} stroke="#c0c0cf" strokeWidth={1} />
      {hours.map((h, i) => {
        const height = Math.round((h.views / max) * HEIGHT);
        return (
          <rect key={h.at} x={i * bar + 0.5} y={HEIGHT - height} width={Math.max(1, bar - 1)} height={height} fill="#4945ff">
            <title>{`${new Date(h.at).toLocaleString()}: ${h.views}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}

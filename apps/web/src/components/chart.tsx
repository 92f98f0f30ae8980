import type { EChartsCoreOption } from 'echarts/core';
import { ReactNode, useEffect, useRef } from 'react';

const axisNumber = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });

type Axis = { type?: string; axisLabel?: { formatter?: unknown } } & Record<string, unknown>;

/** Value axes labelled the Swedish way (3 000 000, 2,5) unless the page gave its own formatter. */
function swedishAxes(axes: unknown): unknown {
  if (Array.isArray(axes)) return axes.map(swedishAxes);
  const axis = axes as Axis | undefined;
  if (!axis || axis.type !== 'value' || axis.axisLabel?.formatter) return axes;
  return { ...axis, axisLabel: { ...axis.axisLabel, formatter: (v: number) => axisNumber.format(v) } };
}

/**
 * A chart drawn by ECharts (loaded on first use). It is a picture with a name: the numbers are in
 * the table that must accompany it (`table`), which is the text alternative; patterns (decals)
 * as well as colours tell the series apart.
 */
export function Chart({
  option,
  label,
  table,
  height = 340,
}: {
  option: EChartsCoreOption;
  label: string;
  table: ReactNode;
  height?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let alive = true;
    let dispose = () => {};
    import('./echarts-setup').then(({ echarts }) => {
      if (!alive || !box.current) return;
      const chart = echarts.init(box.current, undefined, { renderer: 'svg' });
      chart.setOption({
        animation: false,
        aria: { enabled: true, decal: { show: true } },
        ...option,
        ...('xAxis' in option ? { xAxis: swedishAxes(option.xAxis) } : {}),
        ...('yAxis' in option ? { yAxis: swedishAxes(option.yAxis) } : {}),
      });
      // ECharts writes its own aria-label; the figure's name is ours
      box.current.setAttribute('aria-label', label);
      box.current.dataset.chartReady = 'true';
      const resize = () => chart.resize();
      window.addEventListener('resize', resize);
      dispose = () => {
        window.removeEventListener('resize', resize);
        chart.dispose();
      };
    });
    return () => {
      alive = false;
      dispose();
    };
  }, [option, label]);
  return (
    <figure className="chart-with-table">
      <div
        ref={box}
        role="img"
        aria-label={label}
        className="chart"
        style={{ height }}
        data-chart-ready="false"
      />
      <figcaption>{label}. Siffrorna finns i tabellen nedan.</figcaption>
      {table}
    </figure>
  );
}

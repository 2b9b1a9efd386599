import type { EChartsOption, EChartsType } from 'echarts';
import { Spin } from 'antd';
import type { CSSProperties } from 'react';
import { useEffect, useRef, useState } from 'react';

type EChartProps = {
  option: EChartsOption;
  height?: number;
  /** Read out by screen readers in place of the canvas. */
  ariaLabel: string;
  style?: CSSProperties;
};

/**
 * An ECharts chart. The library (~1 MB) is loaded on first use, so only pages that chart pay for
 * it; the chart follows its box's size (window resizes, the side menu folding) and is disposed
 * when the component goes away.
 */
export function EChart({ option, height = 320, ariaLabel, style }: EChartProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  // The option to draw once the library has loaded (it may change while loading).
  const optionRef = useRef(option);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let observer: ResizeObserver | null = null;
    const resize = () => chartRef.current?.resize();

    void (async () => {
      try {
        const echarts = await import('echarts');
        if (cancelled || !boxRef.current) return;
        const chart = echarts.init(boxRef.current, null, { renderer: 'canvas' });
        chart.setOption(optionRef.current, { notMerge: true });
        chartRef.current = chart;
        window.addEventListener('resize', resize);
        if (typeof ResizeObserver !== 'undefined') {
          observer = new ResizeObserver(resize);
          observer.observe(boxRef.current);
        }
        setReady(true);
      } catch {
        if (!cancelled) setFailed(true);
      }
    })();

    return () => {
      cancelled = true;
      window.removeEventListener('resize', resize);
      observer?.disconnect();
      chartRef.current?.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    optionRef.current = option;
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div style={{ position: 'relative', width: '100%', height, ...style }}>
      <div ref={boxRef} role="img" aria-label={ariaLabel} style={{ width: '100%', height: '100%' }} />
      {!ready && (
        <div className="center-fill" style={{ position: 'absolute', inset: 0, minHeight: 0 }}>
          {failed ? <span style={{ color: 'rgba(0,0,0,0.45)' }}>图表加载失败，请刷新页面重试</span> : <Spin />}
        </div>
      )}
    </div>
  );
}

/**
 * The national choropleth: every province an SVG link (Tab to it, Enter to open), coloured by a
 * value in five classes, with a legend and a live line naming the province under focus/pointer.
 * The page must also show the same numbers as a table (the accessible alternative).
 */
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { formatNumber } from '@prongsai/core';
import { loadProvinceShapes, fittedPath, type ProvinceCollection } from './geo.ts';

export const CLASS_COLOURS = ['#e3eef8', '#b3d1ea', '#7aafd8', '#3f83bf', '#0f4c8a'] as const;

/** Upper bounds of five classes by quantile (rounded), so each colour covers about a fifth. */
export function classBreaks(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return [0, 0, 0, 0];
  return [0.2, 0.4, 0.6, 0.8].map((q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
}

export function classOf(value: number, breaks: number[]): number {
  const index = breaks.findIndex((b) => value <= b);
  return index === -1 ? breaks.length : index;
}

interface Props {
  values: Map<string, number>;
  nameOf: (code: string, fallback: { th: string; en: string }) => string;
  describe: (name: string, value: number) => string;
  label: string;
  legendTitle: string;
  hrefOf: (code: string) => string;
}

const WIDTH = 420;
const HEIGHT = 760;

export function ThailandChoropleth({ values, nameOf, describe, label, legendTitle, hrefOf }: Props) {
  const navigate = useNavigate();
  const [shapes, setShapes] = useState<ProvinceCollection | null>(null);
  const [active, setActive] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loadProvinceShapes().then((s) => live && setShapes(s), () => {});
    return () => { live = false; };
  }, []);
  const breaks = useMemo(() => classBreaks([...values.values()]), [values]);
  const drawn = useMemo(() => {
    if (!shapes) return [];
    const { path } = fittedPath(shapes, WIDTH, HEIGHT, 6);
    return shapes.features
      .map((f) => ({ code: f.properties.code, d: path(f) ?? '', fallback: { th: f.properties.name_th, en: f.properties.name_en } }))
      .sort((a, b) => a.code.localeCompare(b.code));
  }, [shapes]);

  const activeShape = drawn.find((p) => p.code === active);
  const legend = CLASS_COLOURS.map((colour, i) => {
    const low = i === 0 ? 0 : breaks[i - 1]! + 1;
    const high = i < breaks.length ? breaks[i]! : Math.max(...values.values(), 0);
    return { colour, text: low >= high ? formatNumber(high) : `${formatNumber(low)}–${formatNumber(high)}` };
  });

  return (
    <div className="sticky">
      <p className="map-status" aria-live="polite">
        {activeShape ? describe(nameOf(activeShape.code, activeShape.fallback), values.get(activeShape.code) ?? 0) : '\u00a0'}
      </p>
      <figure className="map-figure national-map">
        <svg className="map-svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-label={label}>
          {drawn.map((p) => {
            const value = values.get(p.code) ?? 0;
            const name = nameOf(p.code, p.fallback);
            const href = hrefOf(p.code);
            return (
              <a
                key={p.code}
                href={href}
                aria-label={describe(name, value)}
                data-province={p.code}
                onClick={(event) => { event.preventDefault(); navigate(href); }}
                onFocus={() => setActive(p.code)}
                onMouseEnter={() => setActive(p.code)}
                onBlur={() => setActive((c) => (c === p.code ? null : c))}
              >
                <path className="province" d={p.d} fill={CLASS_COLOURS[classOf(value, breaks)]} />
              </a>
            );
          })}
        </svg>
        <figcaption>
          <span className="label">{legendTitle}</span>
          <ul className="legend">
            {legend.map((l) => (
              <li key={l.colour}><span className="swatch" style={{ background: l.colour }} aria-hidden="true" />{l.text}</li>
            ))}
          </ul>
        </figcaption>
      </figure>
    </div>
  );
}

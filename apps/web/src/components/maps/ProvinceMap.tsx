/**
 * A small static map: one province highlighted among its neighbours (`focus="province"`) or within
 * the whole country (`focus="country"`), with an optional point (an organisation's location).
 */
import { useEffect, useState } from 'react';
import { loadProvinceShapes, fittedPath, type ProvinceCollection } from './geo.ts';

interface Props {
  provinceCode: string;
  focus: 'province' | 'country';
  point?: { lat: number; lon: number } | null;
  label: string;
  width?: number;
  height?: number;
}

export function ProvinceMap({ provinceCode, focus, point, label, width = 320, height = focus === 'country' ? 520 : 300 }: Props) {
  const [shapes, setShapes] = useState<ProvinceCollection | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadProvinceShapes().then((s) => live && setShapes(s), () => live && setFailed(true));
    return () => { live = false; };
  }, []);
  if (failed) return null;
  if (!shapes) return <div className="map-svg" style={{ aspectRatio: `${width} / ${height}` }} aria-hidden="true" />;
  const target = shapes.features.find((f) => f.properties.code === provinceCode);
  if (!target) return null;
  const { path, projection } = fittedPath(focus === 'province' ? target : shapes, width, height, focus === 'province' ? 14 : 6);
  const xy = point ? projection([point.lon, point.lat]) : null;
  return (
    <svg className="map-svg" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} preserveAspectRatio="xMidYMid meet">
      <title>{label}</title>
      {shapes.features.map((f) =>
        f === target ? null : <path key={f.properties.code} className="context" d={path(f) ?? undefined} />,
      )}
      <path className="highlight" d={path(target) ?? undefined} />
      {xy && <circle className="point" cx={xy[0]} cy={xy[1]} r={7} />}
    </svg>
  );
}

/**
 * A province map (the shell's shapes and projection) with one dot per organisation, coloured by
 * plan state. Decorative for screen readers beyond its label: the table next to it has the data.
 */
import { useEffect, useState } from 'react';
import { fittedPath, loadProvinceShapes, type ProvinceCollection } from '../../components/maps/geo.ts';

export interface MapPoint {
  key: string;
  lat: number;
  lon: number;
  className: string;
  title: string;
}

export function OrgPointsMap({ provinceCode, points, label, width = 420, height = 420 }: { provinceCode: string; points: MapPoint[]; label: string; width?: number; height?: number }) {
  const [shapes, setShapes] = useState<ProvinceCollection | null>(null);
  useEffect(() => {
    let live = true;
    loadProvinceShapes().then((s) => live && setShapes(s), () => {});
    return () => { live = false; };
  }, []);
  if (!shapes) return <div className="map-svg" style={{ aspectRatio: `${width} / ${height}` }} aria-hidden="true" />;
  const target = shapes.features.find((f) => f.properties.code === provinceCode);
  if (!target) return null;
  const { path, projection } = fittedPath(target, width, height, 16);
  return (
    <svg className="map-svg" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <title>{label}</title>
      {shapes.features.map((f) => (f === target ? null : <path key={f.properties.code} className="context" d={path(f) ?? undefined} />))}
      <path d={path(target) ?? undefined} fill="#f7f9fb" stroke="#1b1f24" strokeWidth={1.2} />
      {points.map((p) => {
        const xy = projection([p.lon, p.lat]);
        return xy ? <circle key={p.key} className={`org-point ${p.className}`} cx={xy[0]} cy={xy[1]} r={5}><title>{p.title}</title></circle> : null;
      })}
    </svg>
  );
}

/**
 * Province boundaries from GET /api/v1/geo/provinces.geojson, fetched once per page load and
 * shared by every map. Shapes are drawn with d3-geo (Mercator fitted to the box).
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { geoArea, geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';

export interface ProvinceProperties {
  code: string;
  name_th: string;
  name_en: string;
}
export type ProvinceFeature = Feature<Geometry, ProvinceProperties>;
export type ProvinceCollection = FeatureCollection<Geometry, ProvinceProperties>;

let cached: Promise<ProvinceCollection> | undefined;

function isCollection(value: unknown): value is ProvinceCollection {
  const v = value as ProvinceCollection | null;
  return !!v && v.type === 'FeatureCollection' && Array.isArray(v.features) && v.features.every((f) => typeof f.properties?.code === 'string');
}

export function loadProvinceShapes(): Promise<ProvinceCollection> {
  cached ??= fetch('/api/v1/geo/provinces.geojson', { headers: { accept: 'application/geo+json' } })
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`geojson ${r.status}`))))
    .then((json: unknown) => {
      if (!isCollection(json)) throw new Error('not a province FeatureCollection');
      for (const feature of json.features) rewindForD3(feature);
      return json;
    })
    .catch((error: unknown) => {
      cached = undefined;
      throw error;
    });
  return cached;
}

/**
 * GeoJSON (RFC 7946) winds outer rings counter-clockwise; d3-geo works on the sphere and reads
 * that as "everything except this area". Reverse the rings of any shape that covers more than a
 * hemisphere so each province is its own small area.
 */
export function rewindForD3(feature: ProvinceFeature): void {
  if (geoArea(feature) <= 2 * Math.PI) return;
  const g = feature.geometry;
  if (g.type === 'Polygon') g.coordinates.forEach((ring) => ring.reverse());
  else if (g.type === 'MultiPolygon') g.coordinates.forEach((polygon) => polygon.forEach((ring) => ring.reverse()));
}

/** A path generator fitted so that `fitTo` fills a width × height box (with padding). */
export function fittedPath(fitTo: GeoPermissibleObjects, width: number, height: number, padding = 8) {
  const projection = geoMercator().fitExtent([[padding, padding], [width - padding, height - padding]], fitTo);
  return { path: geoPath(projection), projection };
}

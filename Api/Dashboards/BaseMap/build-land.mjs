// Writes ../../wwwroot/land.json: the land inside each city's bounding box, from Natural Earth's 1:10m country
// polygons (npm package world-atlas), clipped to the box, as [lat, lng] rings. The city dashboard draws it under the
// hexagons. Run: npm ci && npm run build (then delete node_modules). The boxes are the cities' default bounds
// (Grains/Configuration); a configured city without an entry simply has no base map.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';

const cities = {
  singapore: { south: 1.15, west: 103.6, north: 1.48, east: 104.1 },
};

const require = createRequire(import.meta.url);
const atlasVersion = require('world-atlas/package.json').version;
const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8'));
const countries = feature(topology, topology.objects.countries).features;

// Sutherland-Hodgman: keeps the part of a closed ring ([lng, lat] points) inside one half-plane, edge by edge of the box.
function clip(ring, box) {
  const edges = [
    [p => p[0] >= box.west, (a, b) => cross(a, b, 0, box.west)],
    [p => p[0] <= box.east, (a, b) => cross(a, b, 0, box.east)],
    [p => p[1] >= box.south, (a, b) => cross(a, b, 1, box.south)],
    [p => p[1] <= box.north, (a, b) => cross(a, b, 1, box.north)],
  ];
  let points = ring;
  for (const [inside, intersect] of edges) {
    const input = points;
    points = [];
    for (let i = 0; i < input.length; i++) {
      const current = input[i];
      const previous = input[(i + input.length - 1) % input.length];
      if (inside(current)) {
        if (!inside(previous)) points.push(intersect(previous, current));
        points.push(current);
      } else if (inside(previous)) {
        points.push(intersect(previous, current));
      }
    }
    if (points.length === 0) break;
  }
  return points;
}

function cross(a, b, axis, value) {
  const t = (value - a[axis]) / (b[axis] - a[axis]);
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

const round = v => Math.round(v * 1e5) / 1e5;
const land = {};
for (const [city, box] of Object.entries(cities)) {
  const rings = [];
  for (const country of countries) {
    const geometry = country.geometry;
    if (!geometry) continue;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
    for (const polygon of polygons) {
      const clipped = clip(polygon[0].slice(0, -1), box);
      if (clipped.length >= 3) rings.push(clipped.map(([lng, lat]) => [round(lat), round(lng)]));
    }
  }
  land[city] = rings;
}

const output = {
  source: `Natural Earth 1:10m countries (public domain), npm world-atlas ${atlasVersion}, clipped to each city's bounds`,
  cities: land,
};
writeFileSync(new URL('../../wwwroot/land.json', import.meta.url), JSON.stringify(output) + '\n');
console.log(Object.entries(land).map(([city, rings]) => `${city}: ${rings.length} rings, ${rings.reduce((n, r) => n + r.length, 0)} points`).join('\n'));

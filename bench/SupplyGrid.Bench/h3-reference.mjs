// Times h3-js (the H3 reference) on the points the h3 bench suite measures SupplyGrid.Geo on.
//
//   node bench/SupplyGrid.Bench/h3-reference.mjs <points.bin> <res> <disk-count>
//
// points.bin holds little-endian float64 (lat, lng) pairs in degrees. After loading, prints
// "ready", then answers one line per command read from stdin, so that the suite can alternate
// its own passes with these and both sides run under the same machine load:
//   latLngToCell | cellToLatLng | gridDisk   run one pass, print its duration in seconds
//                                            (gridDisk: k = 2 on the cells of the first
//                                            disk-count points; latLngToCell must run first)
//   checksum                                 print the XOR of the cells, in hex
// h3-js is resolved from tests/oracles/node_modules (installed by deploy/setup.sh).
import fs from 'node:fs';
import readline from 'node:readline';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const [pointsPath, resArg, diskCountArg] = process.argv.slice(2);
if (!pointsPath) {
    console.error('usage: node h3-reference.mjs <points.bin> <res> <disk-count>');
    process.exit(2);
}
const res = Number(resArg);

const oraclesPackage = fileURLToPath(new URL('../../tests/oracles/package.json', import.meta.url));
const h3 = createRequire(oraclesPackage)('h3-js');

const bytes = fs.readFileSync(pointsPath);
const coords = new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
const count = coords.length / 2;
const diskCount = Math.min(Number(diskCountArg), count);
const cells = new Array(count);
let sink = 0;

const passes = {
    latLngToCell() {
        for (let i = 0; i < count; i++) cells[i] = h3.latLngToCell(coords[2 * i], coords[2 * i + 1], res);
    },
    cellToLatLng() {
        for (let i = 0; i < count; i++) sink += h3.cellToLatLng(cells[i])[0];
    },
    gridDisk() {
        for (let i = 0; i < diskCount; i++) sink += h3.gridDisk(cells[i], 2).length;
    },
};

function checksum() {
    let xor = 0n;
    for (const cell of cells) xor ^= BigInt('0x' + cell);
    return xor.toString(16);
}

console.log('ready');
for await (const line of readline.createInterface({ input: process.stdin })) {
    const command = line.trim();
    if (command === 'checksum') {
        console.log(checksum());
    } else if (passes[command]) {
        const start = process.hrtime.bigint();
        passes[command]();
        console.log(Number(process.hrtime.bigint() - start) / 1e9);
    } else {
        console.error(`unknown command '${command}' (sink ${sink})`);
        process.exit(2);
    }
}

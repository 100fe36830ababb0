// Copies the built files of the pinned front-end packages into the Python package
// (src/sitrep/web/static/vendor), with their licences and a list of versions, so the page
// is served by sitrep itself with no CDN and no tile server. Run by `make install` after `npm ci`.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const out = join(here, "..", "src", "sitrep", "web", "static", "vendor");

// package -> [from (inside the package), to (inside vendor/)]
const files = {
  leaflet: [
    ["dist/leaflet.js", "leaflet/leaflet.js"],
    ["dist/leaflet.css", "leaflet/leaflet.css"],
    ["dist/images", "leaflet/images"],
    ["LICENSE", "leaflet/LICENSE"],
  ],
  "leaflet.markercluster": [
    ["dist/leaflet.markercluster.js", "markercluster/leaflet.markercluster.js"],
    ["dist/MarkerCluster.css", "markercluster/MarkerCluster.css"],
    ["MIT-LICENCE.txt", "markercluster/LICENSE"],
  ],
  "topojson-client": [
    ["dist/topojson-client.min.js", "topojson/topojson-client.min.js"],
    ["LICENSE", "topojson/LICENSE"],
  ],
  "world-atlas": [
    ["countries-50m.json", "world/countries-50m.json"],
    ["LICENSE", "world/LICENSE"],
  ],
};

rmSync(out, { recursive: true, force: true });
const versions = {};
for (const [name, pairs] of Object.entries(files)) {
  const root = join(modules, name);
  versions[name] = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;
  for (const [from, to] of pairs) {
    mkdirSync(dirname(join(out, to)), { recursive: true });
    cpSync(join(root, from), join(out, to), { recursive: true });
  }
}
writeFileSync(join(out, "versions.json"), JSON.stringify(versions, null, 2) + "\n");
console.log(`sitrep web assets: ${Object.entries(versions).map(([n, v]) => `${n}@${v}`).join(", ")}`);

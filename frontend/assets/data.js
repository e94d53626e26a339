// Reference data asked once per visit: procedures by code (the catalog changes rarely).
import { run } from "./api.js";
import { collator } from "./i18n.js";
import { provinces } from "./provinces.js";

const procedures = new Map();

export async function getProcedure(code) {
  if (!procedures.has(code)) {
    const answer = run("GetProcedure", { code }).then((d) => d.procedure);
    procedures.set(code, answer);
    answer.catch(() => procedures.delete(code)); // a failed answer is asked again next time
  }
  return procedures.get(code);
}

// Every center of a province (a few pages of 100): the provincial center first, then the communes'.
const provinceCenters = new Map();

export async function centersOfProvince(provinceCode) {
  if (!provinceCenters.has(provinceCode)) {
    const answer = (async () => {
      const nodes = [];
      let after = null;
      do {
        const { centers } = await run("Centers", { provinceCode, first: 100, after });
        nodes.push(...centers.edges.map((e) => e.node));
        after = centers.pageInfo.hasNextPage ? centers.pageInfo.endCursor : null;
      } while (after);
      return nodes;
    })();
    provinceCenters.set(provinceCode, answer);
    answer.catch(() => provinceCenters.delete(provinceCode));
  }
  return provinceCenters.get(provinceCode);
}

// The province's communes and wards (the 2025 administrative units), each once and by its own name, in
// alphabetical order: what a commune choice lists (a center's name may be a branch's, not the ward's).
const provinceCommunes = new Map();

export async function communesOfProvince(provinceCode) {
  if (!provinceCommunes.has(provinceCode)) {
    const answer = (async () => {
      const nodes = [];
      let after = null;
      do {
        const { communes } = await run("Communes", { provinceCode, first: 100, after });
        nodes.push(...communes.edges.map((e) => e.node));
        after = communes.pageInfo.hasNextPage ? communes.pageInfo.endCursor : null;
      } while (after);
      return nodes.sort((a, b) => collator().compare(a.shortName || a.name, b.shortName || b.name));
    })();
    provinceCommunes.set(provinceCode, answer);
    answer.catch(() => provinceCommunes.delete(provinceCode));
  }
  return provinceCommunes.get(provinceCode);
}

// Centers near a point, nearest first, widening the circle until some are found (5, 20, then 50 km).
export async function nearestCenters(point, procedureCode = null, first = 5) {
  for (const radiusKm of [5, 20, 50]) {
    const { centers } = await run("NearestCenters", { near: point, radiusKm, procedureCode, first });
    if (centers.edges.length) return centers.edges.map((e) => ({ ...e.node, distanceKm: e.distanceKm }));
  }
  return [];
}

// Whether a center receives a procedure (the server applies the rule: its level and its province).
export async function receives(centerId, procedureCode) {
  const { center } = await run("CenterReceives", { id: centerId, procedureCode });
  return center.receives;
}

// The browser's position, when the person allows it: { lat, lon }, or an Error("denied" | "unavailable").
export function locate() {
  return new Promise((resolve, reject) => {
    if (!navigator.geolocation) return reject(new Error("unavailable"));
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lon: p.coords.longitude }),
      (e) => reject(new Error(e.code === 1 ? "denied" : "unavailable")),
      { timeout: 10000, maximumAge: 600000 },
    );
  });
}

// "Trung tâm Phục vụ hành chính công Phường Hoàn Kiếm" -> "Phường Hoàn Kiếm", for a commune list.
const CENTER_PREFIX = "Trung tâm Phục vụ hành chính công ";
export const placeName = (name) => (name.startsWith(CENTER_PREFIX) ? name.slice(CENTER_PREFIX.length) : name);

// The 34 provinces as select options, in alphabetical order of the place itself ("Hà Nội" under H,
// not under "Thành phố").
export function provinceOptions() {
  const key = (name) => name.replace(/^Thành phố /, "");
  return [...provinces].sort((a, b) => collator().compare(key(a.name), key(b.name))).map((p) => [p.code, p.name]);
}

// What an online form's answers must mean, mirroring functions/portal/procedures/form_rules.py (same
// field names, same rules) so people see problems as they type; the server checks again and has the
// last word. Each check returns an i18n key with its arguments, or null.
import { pick } from "./i18n.js";
import { ETHNIC_ALIASES, ETHNIC_GROUPS, ID_PROVINCE_CODES, PLACE_PROVINCES } from "./form-lists.js";

export const fold = (s) => String(s).replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD")
  .replace(/[^\p{L}\p{N}]/gu, "").toLowerCase();

const ETHNIC = new Map([...ETHNIC_GROUPS.map((n) => [fold(n), n]), ...Object.entries(ETHNIC_ALIASES).map(([a, n]) => [fold(a), n])]);
const PLACES = PLACE_PROVINCES.map(fold);
const PAST_DATES = new Set(["death_date", "lost_date", "issue_date", "original_marriage_date", "since_date", "use_since"]);
const FUTURE_DATES = new Set(["appointment_date"]);
const DATE_ORDER = [
  ["absence_from", "absence_to"], ["stay_from", "stay_to"], ["arrival_date", "stay_until"], ["period_from", "period_to"],
  ["sick_from", "sick_to"], ["treatment_from", "treatment_to"], ["from_date", "to_date"], ["start_date", "end_date"],
  ["child_birth_date", "death_date"],
];
const PERSON_NAMES = new Set(["foreigner_name", "other_party_name", "deceased_name", "worker_name", "foreign_parent_name"]);
const FRACTIONAL = /area|height|capital|income|amount|m3|m2/;
const DIFFERENT_PEOPLE = ["mother_citizen_id", "father_citizen_id", "child_citizen_id", "deceased_citizen_id",
  "partner_citizen_id", "spouse_citizen_id", "other_party_id"];
const NEVER_THE_APPLICANT = new Set(["child_citizen_id", "deceased_citizen_id", "partner_citizen_id", "spouse_citizen_id", "other_party_id"]);
const APPLICANT_IS = { Cha: "male", "Mẹ": "female", "Cha nhận con": "male", "Mẹ nhận con": "female" };
const PARENT_SEX = { mother_citizen_id: "female", father_citizen_id: "male" };
const NAME = /^[\p{L}]+(?:[ '\-.][\p{L}]+)*\.?$/u;

export const isEthnicityField = (f) => f.name.endsWith("ethnicity");
export const isPlaceField = (f) => f.name.endsWith("hometown") || f.name.endsWith("birth_place");
export const ethnicGroups = () => ETHNIC_GROUPS;
export const officialEthnicity = (value) => ETHNIC.get(fold(value)) || value;

// Province code, sex and year of birth coded in a 12-digit personal identification number.
export function readId(number) {
  if (!/^\d{12}$/.test(number || "")) return null;
  const d = Number(number[3]);
  return { province: number.slice(0, 3), sex: d % 2 ? "female" : "male", year: 1900 + 100 * Math.floor(d / 2) + Number(number.slice(4, 6)) };
}

function idProblem(number, thisYear) {
  const facts = readId(number);
  if (!facts) return ["badCitizenId"];
  if (!ID_PROVINCE_CODES.includes(facts.province)) return ["ruleIdProvince", facts.province];
  if (facts.year > thisYear) return ["ruleIdYear", facts.year];
  return null;
}

// One answer (already type-checked by validation.js) against its field's meaning; today is "YYYY-MM-DD".
export function checkMeaning(field, value, today) {
  const text = String(value).trim();
  switch (field.type) {
    case "DATE":
      if ((field.name.endsWith("birth_date") || PAST_DATES.has(field.name)) && text > today) return ["ruleNotFuture"];
      if (field.name.endsWith("birth_date") && text < "1900-01-01") return ["ruleFrom1900"];
      if (FUTURE_DATES.has(field.name) && text < today) return ["ruleNotPast"];
      return null;
    case "NUMBER": {
      const n = Number(text);
      if (n < 0) return ["ruleNegative"];
      if (FRACTIONAL.test(field.name)) return null;
      if (!Number.isInteger(n)) return ["ruleWhole"];
      const year = Number(today.slice(0, 4));
      if (field.name.endsWith("year")) return n >= 1900 && n <= year ? null : ["ruleYear", year];
      return n >= 1 ? null : ["ruleAtLeastOne"];
    }
    case "CITIZEN_ID":
      return idProblem(text, Number(today.slice(0, 4)));
    case "TEXT":
    case "TEXTAREA":
      if (field.name.endsWith("full_name") || PERSON_NAMES.has(field.name)) {
        const words = text.normalize("NFC").split(/\s+/).filter(Boolean);
        return words.length >= 2 && NAME.test(words.join(" ")) ? null : ["ruleFullName"];
      }
      if (isEthnicityField(field)) return ETHNIC.has(fold(text)) ? null : ["ruleEthnicity"];
      if (isPlaceField(field)) return PLACES.some((p) => fold(text).includes(p)) ? null : ["rulePlace"];
      return null;
    default:
      return null;
  }
}

// Problems between answers, and between the answers and the applicant's own number: name -> [key, ...].
export function checkBetween(fields, values, applicantId) {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const value = (name) => (byName.has(name) ? String(values[name] ?? "").trim() : "");
  const found = new Map();
  const add = (name, problem) => { if (!found.has(name)) found.set(name, problem); };
  for (const [earlier, later] of DATE_ORDER) {
    if (value(earlier) && value(later) && value(later) < value(earlier)) add(later, ["ruleBefore", pick(byName.get(earlier), "label")]);
  }
  const seen = new Map();
  for (const name of DIFFERENT_PEOPLE) {
    const n = value(name);
    if (!n) continue;
    if (seen.has(n)) add(name, ["ruleSamePerson", pick(byName.get(seen.get(n)), "label")]);
    else seen.set(n, name);
  }
  const applicant = readId(applicantId);
  let declared = null;
  for (const name of ["relationship", "recognition_type"]) {
    const sex = APPLICANT_IS[value(name)];
    if (!sex) continue;
    declared = value(name);
    if (applicant && applicant.sex !== sex) add(name, ["ruleApplicantSex", declared, applicant.sex]);
  }
  for (const [name, sex] of Object.entries(PARENT_SEX)) {
    const n = value(name);
    if (!n) continue;
    const facts = readId(n);
    if (facts && facts.sex !== sex) add(name, ["ruleParentSex", facts.sex]);
    const isThisParent = (declared === "Cha" || declared === "Mẹ") && APPLICANT_IS[declared] === sex;
    if (n === applicantId && !isThisParent) add(name, ["ruleOwnNumber"]);
    if (isThisParent && n !== applicantId) add(name, ["ruleMustBeYours", declared, applicantId]);
    const child = value("child_birth_date");
    if (facts && child && facts.year >= Number(child.slice(0, 4))) add(name, ["ruleParentYear", facts.year]);
  }
  for (const name of NEVER_THE_APPLICANT) if (value(name) && value(name) === applicantId) add(name, ["ruleOwnNumber"]);
  return found;
}

// The checks of a personal ID number typed outside a procedure form (the person filed for, issue 18).
export const checkIdNumber = (number, thisYear) => idProblem(number, thisYear);

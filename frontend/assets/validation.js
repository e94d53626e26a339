// The same checks the server makes (functions/portal/procedures/forms.py, dossiers/intake.py), made
// before sending so people see problems at once; the server checks again and has the last word.
// Each check returns a text key of i18n (with arguments) or null.
export const MAX_TEXT = 500;
export const MAX_TEXTAREA = 5000;
export const MAX_FILES = 20;
export const MAX_FILE_BYTES = 10 * 1024 * 1024; // portal.documents.policy
export const FILE_TYPES = ["application/pdf", "image/jpeg", "image/png"];
const PHONE = /^(\+84|0)\d{9,10}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const CITIZEN_ID = /^\d{12}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// Numbers as the server takes them (forms.py): digits, a point, an exponent; finite, at most 1e15.
const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,3})?$/;
export const MAX_NUMBER = 1e15;

export const isBlank = (value) => value === undefined || value === null || String(value).trim() === "";

export function checkPhone(value) {
  return isBlank(value) || PHONE.test(String(value).replace(/ /g, "")) ? null : ["badPhone"];
}

export function checkEmail(value) {
  return isBlank(value) || EMAIL.test(String(value).trim()) ? null : ["badEmail"];
}

// One field of a procedure's online form ({ name, type, required, options }).
export function checkField(field, value) {
  if (isBlank(value)) return field.required ? ["missing"] : null;
  const text = String(value).trim();
  if (field.type === "NUMBER") {
    return NUMBER_TEXT.test(text) && Math.abs(Number(text)) <= MAX_NUMBER ? null : ["badNumber"];
  }
  const limit = field.type === "TEXTAREA" ? MAX_TEXTAREA : MAX_TEXT;
  if (text.length > limit) return ["tooLong", limit];
  switch (field.type) {
    case "DATE":
      return ISO_DATE.test(text) && !Number.isNaN(Date.parse(text)) ? null : ["badDate"];
    case "SELECT":
      return field.options.includes(text) ? null : ["badOption"];
    case "CITIZEN_ID":
      return CITIZEN_ID.test(text) ? null : ["badCitizenId"];
    case "PHONE":
      return checkPhone(text);
    case "EMAIL":
      return checkEmail(text);
    default:
      return null;
  }
}

// The value as the server expects it: numbers as numbers, text trimmed, blanks left out.
export function formValue(field, value) {
  if (isBlank(value)) return undefined;
  return field.type === "NUMBER" ? Number(String(value).trim()) : String(value).trim();
}

export function checkAttachment(file) {
  if (!FILE_TYPES.includes(file.contentType)) return ["badFileType"];
  if (!(file.sizeBytes > 0 && file.sizeBytes <= MAX_FILE_BYTES)) return ["badFileSize"];
  return null;
}

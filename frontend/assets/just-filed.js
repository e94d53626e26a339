// Receipts just made in this tab: the filing page keeps the dossier it made, and the receipt page shows
// it without asking the server again (and says it was just filed).
const fresh = new Map(); // dossier code -> the dossier as the filing answered

export function rememberReceipt(dossier) {
  fresh.set(dossier.code, dossier);
}

export const freshReceipt = (code) => fresh.get(code);

// Interface text of processing times and appointments (each time with its unit; an appointment the receiving
// officer sets when the catalog gives no time): Vietnamese first, English second; merged into text.js's tables.
const unitsVi = {
  WORKING_DAYS: "ngày làm việc", DAYS: "ngày", WORKING_HOURS: "giờ làm việc", HOURS: "giờ", MONTHS: "tháng", YEARS: "năm", MINUTES: "phút",
};
const unitsEn = {
  WORKING_DAYS: "working days", DAYS: "calendar days", WORKING_HOURS: "working hours", HOURS: "hours", MONTHS: "months", YEARS: "years", MINUTES: "minutes",
};

export const timesText = {
  vi: {
    timeOf: (pt) => (pt.unit === "SAME_DAY" ? "Trong ngày (tiếp nhận sau 15 giờ: ngày làm việc tiếp theo)" : `${pt.amount} ${unitsVi[pt.unit]}`),
    timeUnknown: "Chưa xác định: cán bộ tiếp nhận sẽ hẹn ngày trả kết quả khi tiếp nhận hồ sơ.",
    timeSource: "Nguồn ghi:",
    dueToBeSet: "Cán bộ tiếp nhận sẽ hẹn",
    appointmentTitle: "Hẹn ngày trả kết quả", appointmentHint: "Thủ tục chưa có thời hạn giải quyết trong cơ sở dữ liệu: đặt ngày hẹn theo quy định (một lần) và ghi căn cứ.",
    appointmentDate: "Ngày hẹn trả kết quả", appointmentBasis: "Căn cứ (thời hạn theo quy định)", appointmentSet: "Đặt ngày hẹn",
    appointmentDone: "Đã đặt ngày hẹn trả kết quả.", appointmentFieldsRequired: "Cần chọn ngày hẹn và ghi căn cứ.",
  },
  en: {
    timeOf: (pt) => (pt.unit === "SAME_DAY" ? "Same day (received after 15:00: next working day)" : `${pt.amount} ${unitsEn[pt.unit]}`),
    timeUnknown: "Not known yet: the receiving officer will set the result date when the dossier is received.",
    timeSource: "The source says:",
    dueToBeSet: "To be set by the receiving officer",
    appointmentTitle: "Set the result date", appointmentHint: "The catalog gives no processing time for this procedure: set the date by the rules (once) and write its basis.",
    appointmentDate: "Result date", appointmentBasis: "Basis (the legal processing time)", appointmentSet: "Set the date",
    appointmentDone: "The result date is set.", appointmentFieldsRequired: "Choose the date and write its basis.",
  },
};

// Interface text of bundles (interlinked procedures filed as one): Vietnamese first, English second;
// merged into text.js's tables.
export const bundleText = {
  vi: {
    bundleFile: "Nộp hồ sơ liên thông", bundleLead: "Một lần khai, một lần nộp: Cổng tạo một hồ sơ cho từng thủ tục và chuyển đến đúng cơ quan. Thủ tục sau tự bắt đầu khi thủ tục trước có kết quả.",
    bundleOrder: "Các thủ tục trong nhóm", bundleAfter: (names) => `Bắt đầu khi có kết quả: ${names}`, bundleFirst: "Bắt đầu ngay khi nộp",
    bundleQuestions: "Thông tin khai một lần", bundleCenter: "Nơi nộp (trung tâm cấp xã)", bundleCenterHint: "Thủ tục cấp tỉnh (Bảo hiểm xã hội) được chuyển đến trung tâm của tỉnh.",
    bundleElectronic: (name) => `Cơ quan đã có bản điện tử: ${name}`, bundleSubmit: "Nộp hồ sơ liên thông", bundleSubmitting: "Đang nộp…",
    bundleFiled: "Đã nộp hồ sơ liên thông", bundleTitle: "Hồ sơ liên thông", bundleReceipt: "Biên nhận hồ sơ liên thông",
    bundleWithdraw: "Rút hồ sơ liên thông", bundleWithdrawn: "Đã rút các hồ sơ chưa giải quyết.",
    bundleWaiting: "Chờ kết quả thủ tục trước", bundleCancelled: "Không thực hiện", bundleSupplement: (note) => `Cần bổ sung: ${note}`,
    bundleMine: "Hồ sơ liên thông của tôi", bundleDocuments: "Giấy tờ", bundleFixErrors: "Vui lòng sửa các trường được đánh dấu.", bundleChooseCenter: "Vui lòng chọn trung tâm nơi nộp.",
    bundleStatuses: { IN_PROGRESS: "Đang giải quyết", WAITING_FOR_APPLICANT: "Chờ người nộp bổ sung", DONE: "Hoàn thành", PARTLY_REFUSED: "Bị từ chối một phần", WITHDRAWN: "Đã rút" },
  },
  en: {
    bundleFile: "File the interlinked procedures", bundleLead: "Answer once, file once: the portal makes one dossier per procedure and sends each to its agency. A later procedure starts by itself when the earlier one has its result.",
    bundleOrder: "Procedures of the group", bundleAfter: (names) => `Starts when these have a result: ${names}`, bundleFirst: "Starts on filing",
    bundleQuestions: "Answered once", bundleCenter: "Where you file (commune center)", bundleCenterHint: "Provincial procedures (Social Security) go to the province's center.",
    bundleElectronic: (name) => `The agency holds it electronically: ${name}`, bundleSubmit: "File the interlinked procedures", bundleSubmitting: "Filing…",
    bundleFiled: "Interlinked procedures filed", bundleTitle: "Interlinked procedures", bundleReceipt: "Receipt of the interlinked procedures",
    bundleWithdraw: "Withdraw the interlinked procedures", bundleWithdrawn: "The dossiers not yet decided were withdrawn.",
    bundleWaiting: "Waiting for the earlier result", bundleCancelled: "Not carried out", bundleSupplement: (note) => `Supplement needed: ${note}`,
    bundleMine: "My interlinked procedures", bundleDocuments: "Documents", bundleFixErrors: "Please correct the fields marked.", bundleChooseCenter: "Please choose the center you file at.",
    bundleStatuses: { IN_PROGRESS: "In progress", WAITING_FOR_APPLICANT: "Waiting for you to supplement", DONE: "Done", PARTLY_REFUSED: "Partly refused", WITHDRAWN: "Withdrawn" },
  },
};

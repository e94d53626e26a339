// Interface text of documents (the personal store picker, the officer's result upload): Vietnamese
// first, English second; merged into text.js's tables.
export const documentsText = {
  vi: {
    storeLegend: "Dùng giấy tờ có sẵn trong Kho dữ liệu cá nhân",
    storeHint: "Giấy tờ đã được kiểm tra an toàn mà bạn đã nộp trước đây: đính kèm lại, không cần tải lên lần nữa.",
    storeEmpty: "Kho dữ liệu cá nhân của bạn chưa có giấy tờ nào.",
    storeNone: "— Không dùng —",
    storeUnavailable: "Chưa mở được Kho dữ liệu cá nhân; bạn vẫn có thể tải tệp lên.",
    fromStore: "Lấy từ Kho dữ liệu cá nhân.",
    resultUploadHint: "Tải lên tệp kết quả (PDF, JPEG hoặc PNG, tối đa 10 MB): cổng ký số tệp này; công dân tải về và ai cũng xác thực được.",
    resultNotUploaded: "Vui lòng tải lên tệp kết quả và chờ kiểm tra xong.",
  },
  en: {
    storeLegend: "Use a document from your personal store",
    storeHint: "Documents you filed before, already checked: attach them again without uploading them again.",
    storeEmpty: "Your personal store has no documents yet.",
    storeNone: "— None —",
    storeUnavailable: "Your personal store could not be opened; you can still upload files.",
    fromStore: "From your personal store.",
    resultUploadHint: "Upload the result file (PDF, JPEG or PNG, at most 10 MB): the portal seals it; the citizen downloads it and anyone can verify it.",
    resultNotUploaded: "Please upload the result file and wait until it is checked.",
  },
};

// English for the catalog's Vietnamese option values and document notes that recur across procedures
// (the catalog has name_en and label_en but no English for these). The value sent stays Vietnamese;
// only what is shown changes. Anything not listed is shown as the catalog has it.
export const optionsEn = {
  Nam: "Male", "Nữ": "Female", Cha: "Father", "Mẹ": "Mother", "Ông/bà": "Grandparent", Con: "Child",
  "Cha/mẹ": "Parent", "Vợ/chồng": "Spouse", "Người thân thích khác": "Other relative", "Người giám hộ": "Guardian",
  "Cá nhân, tổ chức đang nuôi dưỡng trẻ": "Person or organisation raising the child", "Cơ quan, tổ chức": "Agency or organisation",
  "Có": "Yes", "Không": "No", "Khác": "Other", "Lý do khác": "Other reason", "Mục đích khác": "Other purpose",
  "Qua dịch vụ bưu chính": "By post", "Nhận tại nơi làm thủ tục": "Collect where filed", "Nhận tại UBND cấp xã": "Collect at the commune People's Committee",
  "Thẻ BHYT điện tử trên VNeID": "Electronic health insurance card on VNeID", "Bị mất": "Lost",
  "Chưa kết hôn": "Never married", "Đã ly hôn": "Divorced", "Vợ/chồng đã chết": "Widowed", "Giấy khai sinh": "Birth certificate",
  "Đăng ký kết hôn": "Marriage registration", "Việt Nam": "Vietnamese", "Làm việc": "Work", "Học tập": "Study",
  "Trực tiếp": "In person", "Ủy quyền": "Through an authorised person",
};

export const notesEn = {
  "Nếu có": "If any",
  "Không phải xuất trình nếu cơ quan khai thác được thông tin từ CSDL quốc gia về dân cư": "Not needed if the agency can read it from the national population database",
  "Xuất trình khi cần": "Shown when asked",
  "Nếu cần": "If needed",
  "Không phải chứng thực nếu người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột": "No certification needed if the authorised person is a grandparent, parent, child, spouse or sibling",
  "Do cán bộ lập": "Made by the officer",
  "Nếu thuộc trường hợp này": "If this case applies",
  "Nếu ủy quyền": "If delegated",
  "Điện tử": "Electronic",
  "Không yêu cầu nếu khai thác được từ CSDL quốc gia về dân cư": "Not required if it can be read from the national population database",
  "Khi cần": "When needed",
  "Xuất trình nếu có": "Shown if any",
  "Nếu không khai thác được từ CSDL": "If it cannot be read from the database",
  "Xuất trình": "Shown",
  "Không phải nộp nếu khai thác được từ CSDL": "Not needed if it can be read from the database",
  "Không phải nộp bản giấy nếu đã có bản điện tử Giấy chứng sinh": "No paper copy needed if the electronic birth certificate exists",
  "Không phải nộp bản giấy nếu đã có bản điện tử Giấy báo tử": "No paper copy needed if the electronic death notice exists",
};

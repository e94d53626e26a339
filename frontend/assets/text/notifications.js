// The interface's words for notifications and their preferences (pages/notifications.js).
// Vietnamese first, English second; the same keys in both (tests/contract/test_site_text.py).

export const vi = {
  notificationsTitle: "Thông báo",
  noNotifications: "Chưa có thông báo nào.",
  unreadCount: (n) => `${n} thông báo chưa đọc`,
  unread: "Chưa đọc",
  markAllRead: "Đánh dấu tất cả đã đọc",
  open: "Xem",
  opensDossier: (c) => `hồ sơ ${c}`,
  opensDraft: (p) => `bản nháp thủ tục ${p}`,
  opensQueue: "danh sách hồ sơ của Trung tâm",
  prefsTitle: "Cách nhận thông báo",
  inboxAlwaysOn: "Thông báo trên Cổng luôn được gửi.",
  byEmail: "Thư điện tử",
  bySms: "Tin nhắn SMS",
  save: "Lưu",
  prefsSaved: "Đã lưu cách nhận thông báo.",
};

export const en = {
  notificationsTitle: "Notifications",
  noNotifications: "No notifications yet.",
  unreadCount: (n) => `${n} unread`,
  unread: "Unread",
  markAllRead: "Mark all as read",
  open: "Open",
  opensDossier: (c) => `dossier ${c}`,
  opensDraft: (p) => `your draft for procedure ${p}`,
  opensQueue: "the center's dossiers",
  prefsTitle: "How you are told",
  inboxAlwaysOn: "Notifications on the portal are always on.",
  byEmail: "E-mail",
  bySms: "SMS",
  save: "Save",
  prefsSaved: "Saved.",
};

import type { Messages } from '@motcua/kernel/admin';

/** The host's Vietnamese texts, including the keys Refine's own components ask for. */
export const vi: Messages = {
  app: {
    name: 'Một cửa điện tử',
    fullName: 'Hệ thống thông tin giải quyết thủ tục hành chính',
    footer: 'Motcua — phần mềm nguồn mở cho Bộ phận Một cửa',
    loading: 'Đang tải…',
  },
  menu: { dashboard: 'Tổng quan' },
  language: { label: 'Ngôn ngữ', vi: 'Tiếng Việt', en: 'English' },
  account: { logout: 'Đăng xuất', menu: 'Tài khoản' },
  login: {
    title: 'Đăng nhập hệ thống',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
    usernameRequired: 'Vui lòng nhập tên đăng nhập',
    passwordRequired: 'Vui lòng nhập mật khẩu',
    failed: 'Đăng nhập không thành công',
    sessionExpired: 'Phiên đăng nhập đã hết hạn hoặc không còn hiệu lực. Vui lòng đăng nhập lại.',
    staffOnly: 'Trang quản trị chỉ dành cho cán bộ, công chức. Công dân vui lòng dùng Cổng dịch vụ công.',
  },
  dashboard: {
    title: 'Tổng quan',
    greeting: 'Xin chào, {{name}}',
    quickLinks: 'Truy cập nhanh',
  },
  pages: {
    forbidden: { title: 'Không có quyền truy cập', description: 'Tài khoản của bạn không có quyền truy cập trang này. Nếu cần, hãy liên hệ quản trị cơ quan để được phân quyền.' },
    error: { '404': 'Không tìm thấy trang bạn yêu cầu.', info: 'Có thể đường dẫn không đúng hoặc trang đã bị xoá.', backHome: 'Về trang tổng quan' },
  },
  buttons: {
    create: 'Thêm mới', save: 'Lưu', logout: 'Đăng xuất', delete: 'Xoá', edit: 'Sửa', cancel: 'Huỷ', confirm: 'Bạn có chắc chắn?',
    filter: 'Lọc', clear: 'Xoá lọc', refresh: 'Tải lại', show: 'Xem', undo: 'Hoàn tác', import: 'Nhập', clone: 'Nhân bản',
    notAccessTitle: 'Bạn không có quyền thực hiện thao tác này', list: 'Danh sách',
  },
  actions: { list: 'Danh sách', create: 'Thêm mới', edit: 'Sửa', show: 'Xem', clone: 'Nhân bản' },
  notifications: {
    success: 'Thành công',
    error: 'Có lỗi xảy ra',
    undoable: 'Còn {{seconds}} giây để hoàn tác',
    createSuccess: 'Đã tạo {{resource}}',
    createError: 'Không tạo được {{resource}}',
    editSuccess: 'Đã lưu {{resource}}',
    editError: 'Không lưu được {{resource}}',
    deleteSuccess: 'Đã xoá {{resource}}',
    deleteError: 'Không xoá được {{resource}}',
  },
  warnWhenUnsavedChanges: 'Các thay đổi chưa được lưu. Bạn vẫn muốn rời trang?',
  loading: 'Đang tải',
  documentTitle: { suffix: ' | Motcua', default: 'Motcua — Một cửa điện tử' },
};

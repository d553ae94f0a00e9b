export const ROLES = ['admin', 'office', 'agency', 'inspector'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABEL_VI: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  office: 'Văn phòng (giao việc)',
  agency: 'Cơ quan thực hiện',
  inspector: 'Ủy ban Kiểm tra',
};

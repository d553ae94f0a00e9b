// The catalog of bodies as read from config/organizations/*.json (see its README.md).

export const ORGANIZATION_LEVELS = ['tinh', 'huyen', 'xa'] as const;
export type OrganizationLevel = (typeof ORGANIZATION_LEVELS)[number];

export const ORGANIZATION_KINDS = [
  'party-committee', // Tỉnh ủy (Ban Chấp hành Đảng bộ tỉnh)
  'party-standing-committee', // Ban Thường vụ
  'party-standing-members', // Thường trực
  'party-board', // ban xây dựng đảng (Tổ chức, Tuyên giáo, Dân vận, Nội chính…)
  'inspection-committee', // Ủy ban Kiểm tra
  'office', // Văn phòng
  'party-delegation', // ban cán sự đảng
  'party-caucus', // đảng đoàn
  'affiliated-committee', // đảng ủy trực thuộc Tỉnh ủy (khối, quân sự, công an, UBND…)
  'advisory-council', // Hội đồng Lý luận
  'government', // Ủy ban nhân dân
  'council', // Hội đồng nhân dân
  'department', // sở, ban thuộc UBND tỉnh; phòng thuộc UBND huyện
  'front', // Ủy ban Mặt trận Tổ quốc
  'socio-political-org', // tổ chức chính trị - xã hội
  'district-committee', // huyện ủy, thành ủy
  'commune-committee', // đảng ủy xã, thị trấn
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export interface CatalogOrganization {
  code: string;
  name: string;
  shortName: string;
  aliases: string[];
  kind: OrganizationKind;
  level: OrganizationLevel;
  /** province of the body (from the file's `province` unless the entry overrides it) */
  province: string;
  /** district, for bodies at huyện or xã level */
  district: string | null;
  parent: string | null;
  groups: string[];
  /** YYYY-MM-DD; null: since before the catalog's horizon */
  validFrom: string | null;
  /** YYYY-MM-DD, last day inclusive; null: still valid */
  validTo: string | null;
  /** the first is the primary successor that open tasks follow */
  successors: string[];
}

export interface GroupSelector {
  groups?: string[];
  kinds?: OrganizationKind[];
  levels?: OrganizationLevel[];
}

export interface GroupDefinition {
  tag: string;
  name: string;
  aliases: string[];
  /** "district": members are limited to the context's district when it has one */
  scope: 'province' | 'district';
  /** open-ended mentions ("liên quan"): members are suggestions, the office picks */
  selective: boolean;
  select: GroupSelector;
  note?: string;
}

export interface OrganizationCatalog {
  organizations: CatalogOrganization[];
  groups: GroupDefinition[];
}

import { describe, expect, it } from '@jest/globals';
import { CatalogDirectory } from '../../src/organizations/catalog/catalog-directory.js';
import type { DirectoryQuery, PartyDirectory } from '../../src/parsing/directory.js';
import { realResolver } from './catalog-resolver.fixture.js';

function query(overrides: Partial<DirectoryQuery>): DirectoryQuery {
  return {
    mention: '',
    name: '',
    group: false,
    asOf: '2022-06-01',
    province: 'Hà Giang',
    district: null,
    ...overrides,
  };
}

describe('CatalogDirectory (the parser adapter)', () => {
  const directory: PartyDirectory = new CatalogDirectory(realResolver());

  it('answers a single body with its code and canonical name', () => {
    expect(
      directory.resolve(
        query({ mention: 'Ban Tuyên giáo Tỉnh ủy', name: 'Ban Tuyên giáo Tỉnh ủy Hà Giang' }),
      ),
    ).toEqual({
      orgId: 'hg-ban-tuyen-giao',
      name: 'Ban Tuyên giáo Tỉnh ủy Hà Giang',
      groupTag: null,
    });
  });

  it('answers a group with its tag and no id', () => {
    expect(
      directory.resolve(query({ mention: 'Các huyện ủy', name: 'các huyện ủy', group: true })),
    ).toEqual({
      orgId: null,
      name: 'các huyện ủy',
      groupTag: 'huyen-uy',
    });
  });

  it('falls back to the words as written when the derived name is wrong', () => {
    const match = directory.resolve(
      query({ mention: 'UBKT Tỉnh ủy', name: 'UBKT Tỉnh ủy tỉnh Hà Giang' }),
    );
    expect(match?.orgId).toBe('hg-ubkt');
  });

  it('resolves as of the document date and in the issuer province', () => {
    const lamDong = query({
      mention: 'Ban Tuyên giáo Tỉnh ủy',
      name: 'Ban Tuyên giáo Tỉnh ủy',
      province: 'Lâm Đồng',
      asOf: '2021-11-23',
    });
    expect(directory.resolve(lamDong)?.orgId).toBe('ld-ban-tuyen-giao');
    const merged = query({
      mention: 'Ban Tuyên giáo Tỉnh ủy',
      name: 'Ban Tuyên giáo Tỉnh ủy Hà Giang',
      asOf: '2025-09-01',
    });
    expect(directory.resolve(merged)).toBeNull();
  });

  it('answers null for a body the catalog does not hold', () => {
    expect(
      directory.resolve(
        query({ mention: 'Ban Bí thư Trung ương Đảng', name: 'Ban Bí thư Trung ương Đảng' }),
      ),
    ).toBeNull();
    expect(directory.resolve(query({ mention: '', name: '' }))).toBeNull();
  });

  it('resolves an undated document at the configured date, else against current bodies', () => {
    const undated = query({
      mention: 'Tỉnh ủy',
      name: 'Tỉnh ủy Lâm Đồng',
      province: 'Lâm Đồng',
      asOf: null,
    });
    expect(directory.resolve(undated)?.orgId).toBe('ld25-tinh-uy');
    const dated = new CatalogDirectory(realResolver(), { asOfWhenUndated: () => '2021-11-23' });
    expect(dated.resolve(undated)?.orgId).toBe('ld-tinh-uy');
  });

  it('uses the district of a district document', () => {
    const match = directory.resolve(
      query({
        mention: 'Ủy ban nhân dân huyện',
        name: 'Ủy ban nhân dân huyện Đam Rông',
        province: 'Lâm Đồng',
        district: 'Đam Rông',
        asOf: '2021-11-05',
      }),
    );
    expect(match).toEqual({
      orgId: 'ld-dr-ubnd',
      name: 'Ủy ban nhân dân huyện Đam Rông',
      groupTag: null,
    });
  });
});

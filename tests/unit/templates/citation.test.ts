import { describe, expect, it } from 'vitest';
import { citationOf } from '#lib/templates/citation';
import { TEMPLATES } from '#lib/templates';

describe('template citations as people read them', () => {
  it('splits a heading from its lines', () => {
    expect(citationOf({ doc: '001', where: '营销推广活动执行流程, l.45–70' })).toEqual({
      doc: '001',
      section: '营销推广活动执行流程',
      lines: '45–70',
      range: true
    });
  });

  it('drops the authors’ English asides but keeps the document’s words', () => {
    expect(citationOf({ doc: '004', where: '客户服务部 duties, l.543, l.587' })).toMatchObject({
      section: '客户服务部',
      lines: '543, 587'
    });
    expect(
      citationOf({ doc: '004', where: '品牌营销中心工作-影视部 (garbled copy), l.153–155' })
    ).toMatchObject({
      section: '品牌营销中心工作-影视部'
    });
    expect(citationOf({ doc: '002', where: 'SC-001 市场调研策划流程, l.3–5' }).section).toBe(
      'SC-001 市场调研策划流程'
    );
  });

  it('reads a single line and a citation of lines only', () => {
    expect(citationOf({ doc: '000', where: '6、客户投诉管理流程, l.45' })).toMatchObject({
      lines: '45',
      range: false
    });
    expect(citationOf({ doc: '004', where: 'l.678 (attributed, inferred)' })).toMatchObject({
      section: '',
      lines: '678'
    });
  });

  it('leaves no raw "l." marker or lowercase English in any built-in template’s sources', () => {
    for (const template of TEMPLATES) {
      for (const ref of template.sources) {
        const c = citationOf(ref);
        expect(`${c.section} ${c.lines}`).not.toMatch(/l\.\d|\b[a-z]{3,}\b/);
        expect(c.lines).toMatch(/^\d/);
      }
    }
  });
});

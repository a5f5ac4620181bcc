import { describe, expect, it } from 'vitest';
import { scalingRatio } from '../test-support/scaling.ts';
import { findChineseAddresses } from './chinese-address.ts';

const spans = (text: string) => findChineseAddresses(text).map((f) => text.slice(f.start, f.end));

describe('chinese addresses', () => {
  it('accepts a full address field', () => {
    expect(spans('江苏省苏州市姑苏区人民路1024号3幢502室')).toEqual([
      '江苏省苏州市姑苏区人民路1024号3幢502室',
    ]);
    expect(spans('青山镇东坡村78号')).toEqual(['青山镇东坡村78号']);
    expect(spans('湖北省武汉市洪山区光谷花园7-2-1101')).toEqual(['湖北省武汉市洪山区光谷花园7-2-1101']);
  });

  it('trims edge underscores and keeps offsets', () => {
    const text = '_成都市锦江区春熙路88号_';
    const [f] = findChineseAddresses(text);
    expect(f).toMatchObject({ start: 1, end: text.length - 1, type: 'address', detector: 'address.zh' });
  });

  it('finds an address inside a sentence without the surrounding words', () => {
    expect(spans('我住在广州市天河区体育西路189号，欢迎来玩。')).toEqual(['广州市天河区体育西路189号']);
    expect(spans('公司位于南京市鼓楼区中山北路30号的写字楼里')).toEqual(['南京市鼓楼区中山北路30号']);
  });

  it('takes a room number written straight after a named building', () => {
    expect(spans('收货地址：福建省厦门市思明区软件园二期观日路晨曦大厦B座1207，谢谢')).toEqual([
      '福建省厦门市思明区软件园二期观日路晨曦大厦B座1207',
    ]);
    expect(spans('寄到长沙市岳麓区麓谷大厦2306')).toEqual(['长沙市岳麓区麓谷大厦2306']);
    expect(spans('大厦1602 的空调坏了，年收入大厦12345')).toEqual([]);
    expect(spans('寄到合肥市蜀山区长江西路189号华联大厦1203室，谢谢')).toEqual([
      '合肥市蜀山区长江西路189号华联大厦1203室',
    ]);
    expect(spans('住在济南市历下区泺源大街66号2栋1502，周末在家')).toEqual([
      '济南市历下区泺源大街66号2栋1502',
    ]);
  });

  it('joins administrative parts written with spaces, as shipping forms do', () => {
    expect(spans('收货人：吕方 河北省 石家庄市 长安区 中山东路326号百货大楼B座901')).toEqual([
      '河北省 石家庄市 长安区 中山东路326号百货大楼B座901',
    ]);
    expect(spans('我在上海市 明天回来')).toEqual([]);
  });

  it('ignores place names and organisations on their own', () => {
    expect(spans('浙江省杭州市')).toEqual([]);
    expect(spans('他去年去了上海和广州。')).toEqual([]);
    expect(spans('北京市朝阳区人民法院审理了此案，法院认为……')).toEqual([]);
    expect(spans('1996年任某市公路局局长。')).toEqual([]);
  });

  it('does not read 市长 or 县长 as a title where 长 opens the next place name', () => {
    expect(spans('房屋坐落于上海市长宁区仙霞路 650 弄 12 号 1104 室，建筑面积 68.5 平方米')).toEqual([
      '上海市长宁区仙霞路 650 弄 12 号 1104 室',
    ]);
    expect(spans('寄到重庆市长寿区桃花大道18号')).toEqual(['重庆市长寿区桃花大道18号']);
    expect(spans('浙江省湖州市长兴县雉城镇明珠路9号')).toEqual(['浙江省湖州市长兴县雉城镇明珠路9号']);
  });

  it('never throws on odd input', () => {
    expect(() => findChineseAddresses('\ud800路\udfff号')).not.toThrow();
  });

  it('stays linear on adversarial input', () => {
    const inputs = [
      (n: number) => '路'.repeat(n),
      (n: number) => '1号'.repeat(n / 2),
      (n: number) => '市区县镇村路号'.repeat(n / 7),
      (n: number) => '1'.repeat(n),
      (n: number) => '浙江省'.repeat(n / 3),
      (n: number) => '大厦A座1'.repeat(n / 5),
      (n: number) => '省 '.repeat(n / 2),
      (n: number) => '市 路1栋'.repeat(n / 5),
    ];
    for (const make of inputs) {
      const small = make(100_000);
      const big = make(1_000_000);
      // 10x the input must not take much more than ~10x the CPU time (quadratic would be ~100x).
      expect(scalingRatio(findChineseAddresses, small, big, 400)).toBeLessThan(40);
    }
  });
});

describe('house numbers typed with spaces', () => {
  it('reads 沁春路 188 弄 12 号 302 室 as one address, in a shipping list and in prose', () => {
    const found = (t: string) => findChineseAddresses(t).map((f) => t.slice(f.start, f.end));
    expect(found('SF1468 谢某 13764209187 上海市闵行区莘庄镇沁春路 188 弄 12 号 302 室 1件 2.3kg')).toEqual([
      '上海市闵行区莘庄镇沁春路 188 弄 12 号 302 室',
    ]);
    expect(found('会议地点：成都市高新区天府大道中段 1268 号天府软件园 E3 栋 6 楼')).toEqual([
      '成都市高新区天府大道中段 1268 号天府软件园 E3 栋 6 楼',
    ]);
    // A number that merely follows a road name in a sentence is not glued on without a unit.
    expect(found('沿着中山路 走 300 米就到了')).toEqual([]);
  });

  it('keeps a building number typed with spaces after an estate name without a suffix', () => {
    const found = (t: string) => findChineseAddresses(t).map((f) => t.slice(f.start, f.end));
    expect(
      found('施工地点：苏州市吴中区越溪街道吴中大道 66 号澄湖之星 5 幢 1 单元 802 室，面积 96 平'),
    ).toEqual(['苏州市吴中区越溪街道吴中大道 66 号澄湖之星 5 幢 1 单元 802 室']);
    expect(found('我们有 3 栋楼，一共 12 号人')).toEqual([]);
  });
});

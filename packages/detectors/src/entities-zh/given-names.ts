import { CharTable } from './char-table.ts';

/**
 * Characters common in Chinese given names (general knowledge: virtues, nature, jewels, flowers,
 * brightness …). A surname-led candidate whose given part uses none of these is usually an ordinary word
 * (黄牛, 武侠), one using only these is usually a name.
 */
const GIVEN_NAME_CHARS = new CharTable(
  '一世东中丹丽小久义之乐书云亨亮仁以仲会伟伦伯佩佳俊信俭倩健元先光克全兰兴兵军冠冬冰凡凤凯凰刚利力功助励劲勃勇勋勤华博卫厚友发叔启和哲善喜嘉固国圣均坚坤垒垚城域培基堂增墨墩壁士壮夏天奇妍妩妮妹姝姣娅娇娜娟娥娴婉婕婧婵婷媚媛嫣嫦嫱子孝孟季学宁宇安宏宝实宪家宸富寿山屹岚岩岭岳峥峰峻崇嵘嵩巍巧帅帆平广庆庭康廉延廷建弘强彤彦彩彪彬彭彰影征德徽心忆志忠忱念怀思怡恒恩恺悦情惟惠愈愉意慈慎慕慧成才承振捷政敏敦敬文斌新旭时昊昌明昕星春昱晋晓晖晗晟晨景晴晶智暄暖曜曦曼月有朋朔朗望朝期木本朱朴杉杨杭杰松林枫柏柔柯栋树栩桂桐桥桦梁梅梓梧森植楚楠楷榕槐樟檀欢欣欧歌正武毅毓民永汀汉江沁沐沙沛河泉泓波泰泳泽洁洋洪洲济浚浦浩浪海涌涛润涵淑淦淮深淳淼清渊渝游湖湘湛源溢溪滔滢滨漫潇潮澄澍澜濛瀚灏灿炅炎炜炫炳烁烨焱然煌煜照熙熠燃燕爱玉玮环玲玺珂珉珊珍珏珑珠珺琉琛琦琨琪琬琰琳琴琼瑄瑗瑚瑛瑜瑞瑟瑭瑶瑷瑾璇璋璐璞璟璨生画皎皓盛真睿磊礼祥禄福禹秀秉秋程稷穆立章竣童竹笑策筠简箫米粲紫红纬纯纲绍绪绮维缘罗美群翔翠翰翼耀耕聪肖胜胤腾致舞舟航良艳艺芃芊芙芝芬芮芳芷芸苇苑苗若英茂茜茵荔荟荣荷莉莎莘莲莹莺菁菊菡菲萌萍萱葆蒙蓉蓓蓝蔓蔚蕊蕙蕴蕾薇薰藤虎虹蛟行裕西观言让词诗诚语谊谦谨谷豪豫贝贞财贤贵贺赋赞超越跃轩轮辉辰达迎进远迪邦郁都金鉴鑫钢钧钰铁铭铮锋锐锦锴镇镜长闯阔阳隆雁雄雅集雨雪雯雷霆震霏霓霖霜霞露青静韬音韵顺颂颖颜风飒飞香馥馨驰驹骅骏骐骥鲲鸣鸿鹃鹏鹤麟黎黛鼎龙',
);

/** +1 when every given-name character is a common one, -2 when none is, else 0. */
export function givenNameEvidence(given: string): number {
  let common = 0;
  for (let k = 0; k < given.length; k++) if (GIVEN_NAME_CHARS.at(given, k)) common += 1;
  if (common === 0) return -2;
  return common === given.length ? 1 : 0;
}

import { CN_CITIES, CN_PROVINCES } from '../address/chinese-places.ts';

/**
 * Countries, regions and major cities of the world, and Chinese provinces and cities, by their usual Chinese
 * names, from general knowledge. jieba's dictionary tags many of them nr/nrt (伊拉克, 乌克兰, 莫斯科, 张家口),
 * and foreign ones read as a transliteration, so without this list they would be taken for people's names.
 */
const COUNTRIES =
  '阿富汗 阿尔巴尼亚 阿尔及利亚 安道尔 安哥拉 阿根廷 亚美尼亚 澳大利亚 奥地利 阿塞拜疆 巴哈马 巴林 孟加拉 孟加拉国 ' +
  '巴巴多斯 白俄罗斯 比利时 伯利兹 贝宁 不丹 玻利维亚 波黑 波斯尼亚 博茨瓦纳 巴西 文莱 保加利亚 布基纳法索 布隆迪 ' +
  '柬埔寨 喀麦隆 加拿大 佛得角 乍得 智利 哥伦比亚 科摩罗 刚果 哥斯达黎加 科特迪瓦 克罗地亚 古巴 塞浦路斯 捷克 ' +
  '丹麦 吉布提 多米尼加 厄瓜多尔 埃及 萨尔瓦多 厄立特里亚 爱沙尼亚 埃塞俄比亚 斐济 芬兰 法国 加蓬 冈比亚 格鲁吉亚 ' +
  '德国 加纳 希腊 格林纳达 危地马拉 几内亚 圭亚那 海地 洪都拉斯 匈牙利 冰岛 印度 印尼 印度尼西亚 伊朗 伊拉克 ' +
  '爱尔兰 以色列 意大利 牙买加 日本 约旦 哈萨克斯坦 肯尼亚 基里巴斯 科威特 吉尔吉斯斯坦 老挝 拉脱维亚 黎巴嫩 ' +
  '莱索托 利比里亚 利比亚 列支敦士登 立陶宛 卢森堡 马其顿 北马其顿 马达加斯加 马拉维 马来西亚 马尔代夫 马里 马耳他 ' +
  '毛里塔尼亚 毛里求斯 墨西哥 密克罗尼西亚 摩尔多瓦 摩纳哥 蒙古 黑山 摩洛哥 莫桑比克 缅甸 纳米比亚 瑙鲁 尼泊尔 ' +
  '荷兰 新西兰 尼加拉瓜 尼日尔 尼日利亚 朝鲜 挪威 阿曼 巴基斯坦 帕劳 巴勒斯坦 巴拿马 巴布亚新几内亚 巴拉圭 秘鲁 ' +
  '菲律宾 波兰 葡萄牙 卡塔尔 罗马尼亚 俄罗斯 俄国 卢旺达 萨摩亚 圣马力诺 沙特 沙特阿拉伯 塞内加尔 塞尔维亚 ' +
  '塞舌尔 塞拉利昂 新加坡 斯洛伐克 斯洛文尼亚 所罗门群岛 索马里 南非 韩国 南苏丹 西班牙 斯里兰卡 苏丹 苏里南 ' +
  '斯威士兰 瑞典 瑞士 叙利亚 塔吉克斯坦 坦桑尼亚 泰国 东帝汶 多哥 汤加 特立尼达和多巴哥 突尼斯 土耳其 土库曼斯坦 ' +
  '图瓦卢 乌干达 乌克兰 阿联酋 英国 美国 乌拉圭 乌兹别克斯坦 瓦努阿图 梵蒂冈 委内瑞拉 越南 也门 赞比亚 津巴布韦 ' +
  '苏联 南斯拉夫 捷克斯洛伐克 科索沃 车臣 波多黎各 格陵兰';

const REGIONS =
  '亚洲 欧洲 非洲 美洲 大洋洲 南极洲 北美 南美 拉美 拉丁美洲 中东 中亚 西亚 南亚 东南亚 东亚 北非 西非 东非 ' +
  '巴尔干 高加索 阿拉伯 波斯湾 加勒比 西伯利亚 斯堪的纳维亚 克什米尔 加沙 约旦河西岸 戈兰高地 夏威夷 阿拉斯加 ' +
  '加利福尼亚 加州 得克萨斯 佛罗里达 巴伐利亚 苏格兰 威尔士 英格兰 魁北克 北爱尔兰';

const CITIES =
  '华盛顿 纽约 洛杉矶 芝加哥 休斯敦 旧金山 波士顿 费城 西雅图 底特律 亚特兰大 迈阿密 拉斯维加斯 ' +
  '伦敦 巴黎 柏林 罗马 马德里 里斯本 维也纳 布鲁塞尔 阿姆斯特丹 日内瓦 苏黎世 斯德哥尔摩 奥斯陆 哥本哈根 赫尔辛基 ' +
  '莫斯科 圣彼得堡 基辅 明斯克 华沙 布拉格 布达佩斯 贝尔格莱德 萨拉热窝 雅典 伊斯坦布尔 安卡拉 ' +
  '东京 大阪 京都 横滨 名古屋 首尔 汉城 平壤 曼谷 河内 胡志明市 金边 万象 仰光 吉隆坡 雅加达 马尼拉 ' +
  '新德里 孟买 加尔各答 伊斯兰堡 卡拉奇 喀布尔 德黑兰 巴格达 大马士革 贝鲁特 安曼 耶路撒冷 特拉维夫 ' +
  '利雅得 麦加 迪拜 阿布扎比 多哈 开罗 内罗毕 约翰内斯堡 开普敦 拉各斯 的黎波里 阿尔及尔 ' +
  '悉尼 墨尔本 堪培拉 奥克兰 惠灵顿 渥太华 多伦多 温哥华 蒙特利尔 墨西哥城 哈瓦那 巴西利亚 里约热内卢 圣保罗 ' +
  '布宜诺斯艾利斯 圣地亚哥 利马 波哥大 加拉加斯 ' +
  // Cities known for festivals, fairs and clubs, whose transliterations read as a person's name.
  '威尼斯 戛纳 佛罗伦萨 米兰 都灵 那不勒斯 巴塞罗那 巴伦西亚 塞维利亚 曼彻斯特 利物浦 伯明翰 爱丁堡 格拉斯哥 ' +
  '慕尼黑 法兰克福 多特蒙德 马赛 里昂 波尔多 鹿特丹 海牙 安特卫普 萨尔茨堡 洛桑 蒙特卡洛 新奥尔良 达拉斯 ' +
  '丹佛 匹兹堡 克利夫兰 巴尔的摩 奥兰多 圣迭戈 孟菲斯 纳什维尔 好莱坞 曼哈顿 布鲁克林 卡萨布兰卡';

/**
 * Chinese places the address lists do not hold (county-level cities, prefectures, islands); jieba tags
 * several provinces and cities nr (张家口, 石家庄, 连云港, 克拉玛依), which those lists cover.
 */
const MORE_CHINESE_PLACES = '西双版纳 阿克苏 和田 库尔勒 石河子 敦煌 格尔木 琼海 万宁 文昌 五指山';

export const WORLD_PLACES: ReadonlySet<string> = new Set([
  ...`${COUNTRIES} ${REGIONS} ${CITIES} ${MORE_CHINESE_PLACES}`.split(' '),
  ...CN_PROVINCES,
  ...CN_CITIES,
]);

import { CharTable } from './char-table.ts';

/**
 * Characters Chinese uses to transliterate foreign names (Xinhua conventions), from general knowledge.
 * A run made only of these, anchored on a jieba name tag, is read as one foreign name: 哈莉·贝丽.
 */
const TRANSLITERATION_CHARS =
  '阿埃艾爱安昂奥澳巴芭拜班邦保鲍贝本比彼庇毕宾波玻伯勃博布查达黛戴丹道德登迪狄蒂底丁东杜多敦厄恩尔法凡梵范菲斐费芬丰佛夫弗伏福盖甘冈高戈哥格葛根贡古圭哈海汉豪赫黑亨洪胡华霍基吉加佳迦嘉贾杰捷金卡凯坎康考柯科可克肯库夸奎昆拉莱赖兰朗劳勒雷蕾里理丽利莉栗连廉林琳领隆卢鲁路伦罗洛吕律玛马迈麦曼芒梅美门蒙米密敏明莫默姆穆纳娜奈南内尼妮涅宁纽努诺欧帕派潘庞佩彭蓬皮珀普齐奇琪乔切钦琴琼丘屈萨塞赛桑瑟森沙莎善尚舍施什史斯松苏索塔泰坦汤唐陶特提廷图托瓦万旺威韦维温翁沃乌西希锡夏谢辛休修雅亚娅扬耶伊依因英尤于约泽扎詹兹佐茱荷奎顿黎坚默蓓薇丝芙瑞恰热茹缪伍祖';

const TRANSLITERATION = new CharTable(TRANSLITERATION_CHARS);

/** Separators inside transliterated names: 丹尼斯·霍珀, 索尔-坎贝尔. */
export const NAME_JOINERS: ReadonlySet<string> = new Set(['·', '•', '‧', '・', '-', '－', '.']);

export function isTransliterated(word: string): boolean {
  return TRANSLITERATION.all(word);
}
